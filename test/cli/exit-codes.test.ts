// Exit codes, exactly as documented: 0 clean (warnings allowed), 1 error-level
// findings or more warnings than --max-warnings (a non-UTF-8 file counts as an
// error), 2 usage, configuration or schema errors and unreadable files.
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, gongwen, project } from './run.js';

const CLEAN = '一要加强领导。\n\n二要压实责任。\n';
const WARNING = '二要加强领导。\n\n三要压实责任。\n'; // sequence-start (warning)
const ERROR = '一要加强领导。\n\n三要压实责任。\n'; // sequence-gap (error)
const code = (files: Record<string, string | Uint8Array>, args: string[] = []) => gongwen(['lint', ...args], { cwd: project(files) }).code;

describe('gongwen lint exit codes', () => {
  it('0 when nothing is found', () => assert.equal(code({ 'a.md': CLEAN }), 0));
  it('0 with warnings only', () => assert.equal(code({ 'a.md': WARNING }), 0));
  it('1 with an error-level finding', () => assert.equal(code({ 'a.md': ERROR, 'b.md': CLEAN }), 1));
  it('1 with an error-level finding even with --quiet', () => assert.equal(code({ 'a.md': ERROR }, ['--quiet']), 1));
  it('1 when warnings exceed --max-warnings, 0 when they do not', () => {
    assert.equal(code({ 'a.md': WARNING }, ['--max-warnings', '0']), 1);
    assert.equal(code({ 'a.md': WARNING }, ['--max-warnings', '1']), 0);
    assert.equal(code({ 'a.md': WARNING, 'b.md': WARNING }, ['--max-warnings', '1']), 1);
  });
  it('--max-warnings counts warnings that --quiet hides', () => assert.equal(code({ 'a.md': WARNING }, ['--quiet', '--max-warnings', '0']), 1));
  it('0 when --rule turns the only error off, 1 when it raises a warning to an error', () => {
    assert.equal(code({ 'a.md': ERROR }, ['--rule', 'sequence-gap=off']), 0);
    assert.equal(code({ 'a.md': WARNING }, ['--rule', 'sequence-start=error']), 1);
  });
  it('1 for a file that is not UTF-8', () => assert.equal(code({ 'a.md': Buffer.from([0xd2, 0xbb, 0xd2, 0xaa, 0xbc, 0xd3, 0xc7, 0xbf, 0xc1, 0xec, 0xb5, 0xbc]) }), 1));
  it('0 when the only other file is binary (skipped with a note)', () => assert.equal(code({ 'a.md': CLEAN, 'b.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }), 0));
  it('0 after --fix has fixed every error, 1 when one is left', () => {
    assert.equal(code({ 'a.md': ERROR }, ['--fix']), 0);
    assert.equal(code({ 'a.md': ERROR }, ['--fix-dry-run']), 0);
  });

  for (const [what, args] of [
    ['an unknown option', ['--frobnicate']],
    ['an unknown format', ['--format', 'xml']],
    ['a malformed --rule', ['--rule', 'sequence-gap']],
    ['an unknown rule', ['--rule', 'no-such-rule=off']],
    ['an unknown level', ['--rule', 'sequence-gap=fatal']],
    ['a bad --max-warnings', ['--max-warnings', '-1']],
    ['a bad --jobs', ['--jobs', '0']],
    ['a bad --shard', ['--shard', '3/2']],
    ['a bad --locale', ['--locale', 'fr']],
    ['a bad --encoding', ['--encoding', 'latin1']],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run']],
    ['--output with two open formats', ['--format', 'json', '--format', 'github', '--output', 'x']],
    ['a path that does not exist', ['missing.md']],
  ] as Array<[string, string[]]>) {
    it(`2 for ${what}, with a message on stderr`, () => {
      const r = gongwen(['lint', ...args], { cwd: project({ 'a.md': CLEAN }) });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /gongwen lint: /);
      assert.equal(r.stdout, '');
    });
  }

  it('2 for an unknown command', () => assert.equal(gongwen(['frobnicate'], { cwd: project({}) }).code, 2));

  it('2 for a configuration error, with its position', () => {
    const r = gongwen(['lint'], { cwd: project({ 'a.md': CLEAN, '.gongwenrc.yaml': 'rules:\n  sequence-gapp: off\n' }) });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^\.gongwenrc\.yaml:2:3 +error +unknown-rule/m);
  });

  it('2 for a --config file that does not exist', () => {
    const r = gongwen(['lint', '--config', 'nope.yaml'], { cwd: project({ 'a.md': CLEAN }) });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /nope\.yaml/);
  });

  it('2 for a broken --schema file, with its position', () => {
    const r = gongwen(['lint', '--schema', 's.yaml'], { cwd: project({ 'a.md': CLEAN, 's.yaml': 'id: s\nmeasures: [\n' }) });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /^s\.yaml:\d+:\d+ +error/m);
  });

  it('2 for a file that cannot be read', () => {
    const dir = project({ 'a.md': CLEAN });
    chmodSync(join(dir, 'a.md'), 0);
    if (process.getuid?.() !== 0) {
      assert.equal(gongwen(['lint', 'a.md'], { cwd: dir }).code, 2);
      return;
    }
    // Root reads anything: run the CLI as the unprivileged user `nobody` instead.
    chmodSync(dir, 0o755);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'lint', 'a.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /a\.md[\s\S]*read-failed/);
  });

  it('2 when a report file cannot be written', () => {
    const dir = project({ 'a.md': CLEAN, 'blocker': 'a file, not a folder' });
    const r = gongwen(['lint', '--format', 'json=blocker/report.json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /blocker\/report\.json/);
  });
});
