// Configuration and schemas are data. A hostile workspace (config, schemas,
// front matter, symbolic links) cannot make `gongwen lint` read a file outside
// the workspace and the configured schema path, start a process, or open a
// network connection: each run is traced (trap.ts records every file opened
// through fs and refuses child_process, net, tls, http(s), dns and fetch), and
// the trace is checked. A canary in the outside file must never reach the output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfigResolver } from 'gongwen-server/config';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'server/bin/gongwen.js');
const TRAP = fileURLToPath(new URL('./trap.js', import.meta.url));
const CANARY = 'CANARY秘密甲乙丙';
const SECRET_SCHEMA = `id: secret\ntitle: ${CANARY}\nmeasures:\n  - {id: ${'canary'}, title: ${CANARY}, any: [${CANARY}]}\n${CANARY}: 1\n`;
const DRAFT = '会议要求：一要加强组织领导，二要落实防控责任。\n';

interface Trace {
  reads: string[];
  refused: string[];
}

const isInside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};
const realOrSelf = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

let base: string;
let outside: string;

function workspace(files: Record<string, string>, links: Record<string, string> = {}): string {
  const ws = mkdtempSync(join(base, 'ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, name)), { recursive: true });
    writeFileSync(join(ws, name), content);
  }
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(ws, name)), { recursive: true });
    symlinkSync(target, join(ws, name));
  }
  return ws;
}

function lint(ws: string, args: string[] = ['doc.md']): { code: number; out: string; trace: Trace } {
  const logFile = join(base, `trace-${basename(ws)}.json`);
  const r = spawnSync(process.execPath, ['--import', TRAP, BIN, 'lint', '--jobs', '1', '--format', 'json', ...args], {
    cwd: ws,
    encoding: 'utf8',
    env: { ...process.env, GONGWEN_TRAP_LOG: logFile, CI: '' },
  });
  const trace = JSON.parse(readFileSync(logFile, 'utf8')) as Trace;
  return { code: r.status ?? -1, out: r.stdout + r.stderr, trace };
}

/** Reads outside the workspace that are not Gongwen's own code or config discovery in the workspace's ancestors. */
function strayReads(ws: string, trace: Trace, allowed: string[] = []): string[] {
  const realWs = realOrSelf(ws);
  return trace.reads.filter((p) => {
    const abs = resolve(ws, p);
    const real = realOrSelf(abs);
    if (isInside(realWs, real) && isInside(ws, abs)) return false;
    if (isInside(ROOT, real)) return false; // Gongwen's code and dependencies
    if (allowed.some((a) => isInside(a, real))) return false;
    // Config discovery walks up from the document: .gongwenrc* and package.json of ancestors.
    if (/^(\.gongwenrc(\.(ya?ml|json))?|package\.json)$/.test(basename(abs)) && isInside(dirname(abs), ws)) return false;
    return true;
  });
}

describe('a hostile workspace cannot make Gongwen read outside it, run code or reach the network', function () {
  this.timeout(60_000);

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'gongwen-safety-')));
    outside = join(base, 'outside');
    mkdirSync(join(outside, 'nested'), { recursive: true });
    writeFileSync(join(outside, 'secret.yaml'), SECRET_SCHEMA);
    writeFileSync(join(outside, 'nested', 'secret.yaml'), SECRET_SCHEMA);
    writeFileSync(join(outside, 'secret.md'), `${DRAFT}${CANARY}\n`);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const cases: Array<{ name: string; files: () => Record<string, string>; links?: () => Record<string, string>; code: string; args?: string[] }> = [
    { name: 'schema: ../../../etc/passwd in the config', files: () => ({ '.gongwenrc.yaml': 'schema: ../../../../../../etc/passwd\n' }), code: 'path-outside-workspace' },
    { name: 'schema: an absolute path outside', files: () => ({ '.gongwenrc.yaml': `schema: ${JSON.stringify(join(outside, 'secret.yaml'))}\n` }), code: 'path-outside-workspace' },
    { name: 'schema: /etc/passwd', files: () => ({ '.gongwenrc.json': '{"schema": "/etc/passwd"}' }), code: 'path-outside-workspace' },
    {
      name: 'extends: ../../../etc/passwd in a schema',
      files: () => ({ '.gongwenrc.yaml': 'schema: child\n', 'schemas/child.yaml': 'extends: ../../../etc/passwd\nmeasures:\n  - {id: a, title: 甲, any: [甲]}\n' }),
      code: 'path-outside-workspace',
    },
    {
      name: 'extends: an absolute path outside',
      files: () => ({ '.gongwenrc.yaml': 'schema: child\n', 'schemas/child.yaml': `extends: [${JSON.stringify(join(outside, 'secret.yaml'))}]\nmeasures:\n  - {id: a, title: 甲, any: [甲]}\n` }),
      code: 'path-outside-workspace',
    },
    {
      name: 'extends: a URL',
      files: () => ({ '.gongwenrc.yaml': 'schema: child\n', 'schemas/child.yaml': 'extends: https://example.com/evil.yaml\nmeasures:\n  - {id: a, title: 甲, any: [甲]}\n' }),
      code: 'extends-missing',
    },
    { name: 'schema: a URL', files: () => ({ '.gongwenrc.yaml': 'schema: "http://127.0.0.1:9/evil.yaml"\n' }), code: 'schema-missing' },
    {
      name: 'a front matter schema outside',
      files: () => ({ '.gongwenrc.yaml': 'rules: {}\n', 'doc.md': `---\ngongwen: {schema: ${JSON.stringify(join(outside, 'secret.yaml'))}}\n---\n${DRAFT}` }),
      code: 'path-outside-workspace',
    },
    {
      name: 'an override schema that climbs out',
      files: () => ({ '.gongwenrc.yaml': 'overrides:\n  - files: "*.md"\n    schema: ../outside/secret.yaml\n' }),
      code: 'path-outside-workspace',
    },
    { name: 'a symlinked schema file pointing out', files: () => ({ '.gongwenrc.yaml': 'schema: link\n' }), links: () => ({ 'schemas/link.yaml': join(outside, 'secret.yaml') }), code: 'path-outside-workspace' },
    { name: 'a symlinked schema folder pointing out (the default schema path)', files: () => ({ '.gongwenrc.yaml': 'schema: secret\n' }), links: () => ({ schemas: outside }), code: 'path-outside-workspace' },
    {
      name: 'a path through a symlinked folder pointing out',
      files: () => ({ '.gongwenrc.yaml': 'schema: schemas/nested/secret.yaml\n' }),
      links: () => ({ schemas: outside }),
      code: 'path-outside-workspace',
    },
    {
      name: 'extends through a symlinked schema pointing out',
      files: () => ({ '.gongwenrc.yaml': 'schema: child\n', 'schemas/child.yaml': 'extends: link\nmeasures:\n  - {id: a, title: 甲, any: [甲]}\n' }),
      links: () => ({ 'schemas/link.yaml': join(outside, 'secret.yaml') }),
      code: 'path-outside-workspace',
    },
    { name: 'a YAML tag that would be code', files: () => ({ '.gongwenrc.yaml': 'schema: !!js/function "function () { require(\'child_process\').execSync(\'touch /tmp/x\') }"\n' }), code: 'yaml-tag' },
    {
      name: 'a draft named through a symlink out (only the draft is read, never its neighbours)',
      files: () => ({}),
      links: () => ({ 'doc.md': join(outside, 'secret.md') }),
      code: '',
    },
  ];

  for (const c of cases) {
    it(`${c.name}: refused (${c.code || 'no config error'}), nothing read outside, no process or connection`, () => {
      const links = c.links?.() ?? {};
      const ws = workspace({ ...('doc.md' in links ? {} : { 'doc.md': DRAFT }), ...c.files() }, links);
      const r = lint(ws, c.args);
      assert.deepEqual(r.trace.refused, [], 'no process, connection or lookup was attempted');
      // A draft explicitly named through a link is read (that is what was asked), nothing else outside is.
      const allowed = c.name.startsWith('a draft named') ? [join(outside, 'secret.md')] : [];
      assert.deepEqual(strayReads(ws, r.trace, allowed), [], 'reads outside the workspace');
      assert.ok(!r.trace.reads.some((p) => resolve(ws, p).startsWith('/etc/')), 'nothing in /etc was read');
      if (c.code) {
        const json = JSON.parse(r.out.slice(0, r.out.lastIndexOf('}') + 1)) as { configErrors: Array<{ code: string; line: number; column: number }> };
        assert.ok(
          json.configErrors.some((e) => e.code === c.code && e.line >= 1 && e.column >= 1),
          `expected ${c.code} with a position, got ${JSON.stringify(json.configErrors)}`,
        );
        assert.equal(r.code, 2, 'a configuration error exits with 2');
        assert.ok(!r.out.includes(CANARY), 'nothing of the outside file reaches the output');
      }
    });
  }

  it('follows the configured schema path, and only it, outside the config folder', async () => {
    // The one way out is explicit: schemaPath names the folder (see README, Configuration).
    const ws = workspace({ 'doc.md': DRAFT, '.gongwenrc.yaml': `schemaPath: [${JSON.stringify(outside)}]\nschema: secret\n` });
    const r = lint(ws);
    assert.deepEqual(r.trace.refused, []);
    assert.deepEqual(strayReads(ws, r.trace, [outside]), []);
    const resolved = await createConfigResolver().resolve(join(ws, 'doc.md'));
    assert.equal(resolved.schemaFile, join(outside, 'secret.yaml'));
  });

  it('lets an editor setting name a schema anywhere: why Restricted Mode ignores a workspace’s gongwen.schema', async () => {
    // The `gongwen.schema` setting is trusted like a command-line flag. A workspace could set it in
    // .vscode/settings.json, so the manifest lists it in untrustedWorkspaces.restrictedConfigurations.
    const ws = workspace({ 'doc.md': DRAFT });
    const resolved = await createConfigResolver({ settings: { schema: join(outside, 'secret.yaml') } }).resolve(join(ws, 'doc.md'));
    assert.equal(resolved.schemaFile, join(outside, 'secret.yaml'));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['gongwen.schema']);
  });

});
