// Every output format on one fixture set (test/fixtures/cli/drafts), against
// goldens; SARIF against the OASIS schema (ajv) and Microsoft's SARIF
// Multitool; github lines parsed the way the Actions runner parses them.
import assert from 'node:assert/strict';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { RULES, DOCS_BASE } from 'gongwen-server';
import { expectGolden, FIXTURES, gongwen, json, normalize, project, read, ROOT, serverModule, VERSION } from './run.js';

const require = createRequire(import.meta.url);

describe('gongwen lint output formats', () => {
  let dir: string;
  before(() => {
    // The drafts, plus a GBK file (an error note) and a binary one (skipped), so every format shows file notes too.
    dir = project({ 'legacy/gbk.md': readFileSync(join(FIXTURES, 'encodings/gbk.md')), 'legacy/scan.md': readFileSync(join(FIXTURES, 'encodings/binary.md')) }, 'drafts');
  });

  const golden = (name: string, args: string[], env?: Record<string, string>) => {
    const r = gongwen(['lint', ...args], { cwd: dir, env });
    expectGolden(name, normalize(r.stdout, dir, VERSION));
    return r;
  };

  it('stylish groups findings by file, ends with a summary line, and exits 1 on errors', () => {
    const r = golden('stylish.zh.txt', []);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colours when stdout is not a terminal');
    assert.match(r.stdout, /^✖ 7 个问题/m);
  });

  it('stylish speaks English with --locale en', () => {
    golden('stylish.en.txt', ['--locale', 'en']);
  });

  it('stylish is coloured with --color or FORCE_COLOR, and --no-color wins', () => {
    assert.match(gongwen(['lint', '--color'], { cwd: dir }).stdout, /\u001b\[31merror/);
    assert.match(gongwen(['lint'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(gongwen(['lint', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  it('stylish is coloured on a terminal, and plain there when NO_COLOR is set', async () => {
    const { main } = await serverModule('cli/main.js');
    const run = async (env: Record<string, string>) => {
      let out = '';
      await main(['lint'], { out: (s: string) => (out += s), err: () => undefined, cwd: dir, env, stdoutIsTTY: true, stderrIsTTY: false });
      return out;
    };
    assert.match(await run({}), /\u001b\[31merror/);
    assert.doesNotMatch(await run({ NO_COLOR: '1' }), /\u001b\[/);
    assert.doesNotMatch(await run({ TERM: 'dumb' }), /\u001b\[/);
  });

  it('json has the documented shape', () => {
    const r = golden('report.json', ['--format', 'json']);
    const doc = json(r.stdout);
    assert.deepEqual(Object.keys(doc), ['tool', 'formatVersion', 'locale', 'files', 'configErrors', 'summary', 'exitCode']);
    assert.equal(doc.formatVersion, 1);
    assert.equal(doc.exitCode, 1);
    const b = doc.files.find((f: any) => f.path === 'b-errors.md');
    assert.deepEqual(Object.keys(b), ['path', 'status', 'encoding', 'bom', 'lineEndings', 'errorCount', 'warningCount', 'infoCount', 'hintCount', 'fixableCount', 'fixed', 'findings', 'notes']);
    const gap = b.findings.find((f: any) => f.ruleId === 'sequence-gap');
    assert.deepEqual([gap.line, gap.column, gap.endLine, gap.endColumn], [9, 1, 9, 3]);
    assert.deepEqual(gap.range.start, { line: 8, character: 0, offset: gap.range.start.offset });
    assert.ok(gap.fix.edits.length > 0);
    assert.equal(typeof gap.message.zh, 'string');
    assert.equal(typeof gap.message.en, 'string');
    assert.equal(gap.text, gap.message.zh);
  });

  it('github writes one workflow command per finding that the Actions runner parses back', () => {
    const r = golden('github.txt', ['--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    const json_ = json(gongwen(['lint', '--format', 'json'], { cwd: dir }).stdout);
    const findings = json_.files.flatMap((f: any) => f.findings.map((x: any) => ({ ...x, path: f.path })));
    const noteLines = lines.filter((l) => !/,line=/.test(l));
    assert.deepEqual(noteLines, [
      '::error file=legacy/gbk.md,title=gongwen(encoding)::文件编码是 GBK，不是 UTF-8；请转换为 UTF-8，或用 --encoding gbk 读取',
      '::notice file=legacy/scan.md,title=gongwen(binary)::不是文本文件 (PNG)，已跳过',
    ]);
    const findingLines = lines.filter((l) => /,line=/.test(l));
    assert.equal(findingLines.length, findings.length);
    findingLines.forEach((line, k) => {
      const cmd = parseWorkflowCommand(line);
      assert.ok(cmd, `not a workflow command: ${line}`);
      const f = findings[k];
      assert.equal(cmd.command, { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[f.severity as string]);
      assert.equal(cmd.properties.file, f.path);
      assert.equal(cmd.properties.line, String(f.line));
      assert.equal(cmd.properties.col, String(f.column));
      assert.equal(cmd.properties.endLine, String(f.endLine));
      assert.equal(cmd.properties.endColumn, String(f.endColumn));
      assert.equal(cmd.properties.title, `gongwen(${f.ruleId})`);
      assert.equal(cmd.message, f.message.zh);
    });
    // The file name with a comma survives the round trip.
    assert.ok(lines.some((l) => l.includes('file=sub/特殊%2C名字.md')));
  });

  it('github escapes %, CR, LF in messages and also : and , in properties', async () => {
    const { escapeData, escapeProperty } = await serverModule('cli/formats/github.js');
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('50% a\r\nb: c, d'), '50%25 a%0D%0Ab%3A c%2C d');
    const cmd = parseWorkflowCommand(`::error file=${escapeProperty('a:b,c%.md')},line=1::${escapeData('x%y\nz')}`)!;
    assert.equal(cmd.properties.file, 'a:b,c%.md');
    assert.equal(cmd.message, 'x%y\nz');
  });

  it('junit is well-formed XML with one failed testcase per error', () => {
    const r = golden('junit.xml', ['--format', 'junit']);
    assertWellFormedXml(r.stdout);
    const m = /<testsuites name="gongwen" tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(r.stdout)!;
    assert.equal(Number(m[2]), 4, 'four error-level findings');
    assert.equal(Number(m[3]), 1, 'the GBK file');
    assert.match(r.stdout, /<testsuite name="legacy\/scan.md" tests="1" failures="0" errors="0" skipped="1">/);
  });

  it('--output sends the report to a file while the terminal gets the summary line', () => {
    const r = gongwen(['lint', '--format', 'json', '--output', 'out/report.json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^✖ 7 个问题（5 个错误，2 个警告），检查了 5 个文件/);
    assert.equal(json(read(dir, 'out/report.json')).summary.errors, 4);
  });

  it('several formats in one run: each to its own file or to stdout, all from the same results', () => {
    const r = gongwen(['lint', '--format', 'sarif=reports/gongwen.sarif', '--format', 'github', '--format', 'junit=reports/junit.xml', '--format', 'json=reports/r.json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, gongwen(['lint', '--format', 'github'], { cwd: dir }).stdout);
    assert.equal(json(read(dir, 'reports/gongwen.sarif')).runs[0].results.length, json(read(dir, 'reports/r.json')).summary.errors + json(read(dir, 'reports/r.json')).summary.warnings);
    assertWellFormedXml(read(dir, 'reports/junit.xml'));
  });

  it('shows configuration errors with their positions in every format', () => {
    const d = project({ 'a.md': '一要加强。\n\n二要落实。\n', '.gongwenrc.yaml': 'rules:\n  sequence-gapp: off\n' });
    const run = (format: string) => gongwen(['lint', '--format', format], { cwd: d });
    const stylish = run('stylish');
    assert.equal(stylish.code, 2);
    expectGolden('config-error.stylish.txt', stylish.stdout);
    assert.match(run('github').stdout, /^::error file=\.gongwenrc\.yaml,line=2,col=3,title=gongwen\(unknown-rule\)::/m);
    assert.match(run('junit').stdout, /<testsuite name="configuration" tests="1" failures="0" errors="1"/);
    assert.equal(json(run('json').stdout).configErrors[0].file, '.gongwenrc.yaml');
    const sarif = json(run('sarif').stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(sarif.runs[0].invocations[0].toolConfigurationNotifications[0].descriptor.id, 'unknown-rule');
    assert.ok(sarifSchema()(sarif), JSON.stringify(sarifSchema().errors));
  });

  describe('sarif', () => {
    let text: string;
    let log: any;
    before(() => {
      const r = gongwen(['lint', '--format', 'sarif'], { cwd: dir });
      text = r.stdout;
      log = json(text);
    });

    it('matches its golden (rule descriptors trimmed to the rules with results, so new rules do not churn it)', () => {
      const trimmed = structuredClone(log);
      const used = new Set(trimmed.runs[0].results.map((r: any) => r.ruleId));
      trimmed.runs[0].tool.driver.rules = trimmed.runs[0].tool.driver.rules.filter((r: any) => used.has(r.id));
      for (const r of trimmed.runs[0].results) delete r.ruleIndex;
      expectGolden('report.sarif', normalize(JSON.stringify(trimmed, null, 2) + '\n', dir, VERSION));
    });

    it('lists every rule with its metadata and a helpUri to docs/rules/<id>.md', () => {
      const rules = log.runs[0].tool.driver.rules;
      for (const r of RULES) {
        const d = rules.find((x: any) => x.id === r.meta.id);
        assert.ok(d, r.meta.id);
        assert.equal(d.helpUri, `${DOCS_BASE}${r.meta.id}.md`);
        assert.equal(d.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[r.meta.defaultSeverity]);
      }
      for (const res of log.runs[0].results) assert.equal(rules[res.ruleIndex].id, res.ruleId);
    });

    it('validates against the OASIS SARIF 2.1.0 JSON schema (ajv)', () => {
      const validate = sarifSchema();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      // The check has teeth: a wrong level is caught.
      const broken = structuredClone(log);
      broken.runs[0].results[0].level = 'fatal';
      assert.equal(validate(broken), false);
    });

    it('validates against the schema the SARIF Multitool ships (JSON Schema 2020-12)', function () {
      let schemaPath: string;
      try {
        schemaPath = join(require.resolve('@microsoft/sarif-multitool-linux/package.json').replace(/package\.json$/, ''), 'sarif-2.1.0.json');
      } catch {
        this.skip();
      }
      const Ajv2020 = require('ajv/dist/2020');
      const addFormats = require('ajv-formats');
      const ajv = new (Ajv2020.default ?? Ajv2020)({ allErrors: true, strict: false });
      (addFormats.default ?? addFormats)(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath!, 'utf8')));
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });

    it('passes `sarif-multitool validate` with no errors and no warnings', function () {
      this.timeout(120_000);
      const exe = multitool();
      if (!exe) this.skip();
      const input = join(dir, 'report.sarif');
      const output = join(dir, 'validation-1.sarif');
      require('node:fs').writeFileSync(input, text);
      const r = spawnSync(exe!, ['validate', '--level', 'Error;Warning;Note', '-o', output, input], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const validation = json(read(dir, 'validation-1.sarif'));
      const results: any[] = validation.runs[0].results ?? [];
      const serious = results.filter((x) => (x.level ?? 'warning') === 'error' || (x.level ?? 'warning') === 'warning');
      assert.deepEqual(serious.map((x) => `${x.ruleId} ${JSON.stringify(x.message.arguments)}`), []);
      // And it does catch a broken log.
      const broken = structuredClone(log);
      broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
      require('node:fs').writeFileSync(input, JSON.stringify(broken));
      spawnSync(exe!, ['validate', '-o', join(dir, 'validation-2.sarif'), input], { encoding: 'utf8' });
      assert.ok((json(read(dir, 'validation-2.sarif')).runs[0].results ?? []).some((x: any) => x.level === 'error'));
    });
  });
});

let compiled: any;
/** The OASIS SARIF 2.1.0 schema (test/fixtures/cli/sarif), compiled by ajv (draft-04). */
function sarifSchema(): any {
  if (compiled) return compiled;
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false });
  (addFormats.default ?? addFormats)(ajv);
  compiled = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif/sarif-schema-2.1.0.json'), 'utf8')));
  return compiled;
}

/** The Multitool's binary from the npm package @microsoft/sarif-multitool (Linux build), made executable if its postinstall did not run. */
function multitool(): string | null {
  let exe: string;
  try {
    exe = join(require.resolve('@microsoft/sarif-multitool-linux/package.json').replace(/package\.json$/, ''), 'Sarif.Multitool');
  } catch {
    return null;
  }
  if (!existsSync(exe)) return null;
  try {
    accessSync(exe, constants.X_OK);
  } catch {
    try {
      chmodSync(exe, 0o755);
    } catch {
      return null;
    }
  }
  return exe;
}

/** The Actions runner's parsing of `::command k=v,k=v::message` (ActionCommand.TryParseV2), with its unescaping. */
export function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } | null {
  if (!line.startsWith('::')) return null;
  const end = line.indexOf('::', 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const message = unescape(line.slice(end + 2), false);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) return null;
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
    }
  }
  return { command, properties, message };
}

function unescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

/** A small well-formedness check: one root, tags balanced, attributes quoted, entities known. */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|&(?!(?:amp|lt|gt|quot|apos);)|<(?![A-Za-z/])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[2] === undefined) assert.fail(`stray markup at ${m.index}: ${body.slice(m.index, m.index + 20)}`);
    if (m[1]) assert.equal(stack.pop(), m[2], `unbalanced </${m[2]}>`);
    else if (!m[4]) {
      if (!stack.length) roots++;
      stack.push(m[2]);
    } else if (!stack.length) roots++;
  }
  assert.deepEqual(stack, []);
  assert.equal(roots, 1);
}
