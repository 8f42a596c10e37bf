// Configuration from the command line: --config, --rule and their precedence
// over the project's .gongwenrc, --print-config, and --locale against the
// environment.
import assert from 'node:assert/strict';
import { gongwen, json, project } from './run.js';

const DOC = '二要加强领导。\n\n三要压实责任。\n\n五要强化督查。\n'; // sequence-start (warning) + sequence-gap (error)
const rulesOf = (stdout: string) =>
  json(stdout)
    .files.flatMap((f: any) => f.findings)
    .map((f: any) => `${f.ruleId}:${f.severity}`)
    .sort();

describe('gongwen lint configuration', () => {
  it('uses the built-in severities without a config', () => {
    const r = gongwen(['lint', '--format', 'json'], { cwd: project({ 'a.md': DOC }) });
    assert.deepEqual(rulesOf(r.stdout), ['sequence-gap:error', 'sequence-start:warning']);
  });

  it('takes severities from the .gongwenrc.yaml found above the document', () => {
    const dir = project({ 'docs/a.md': DOC, '.gongwenrc.yaml': 'rules:\n  sequence-gap: warning\n  sequence-start: off\n' });
    const r = gongwen(['lint', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(rulesOf(r.stdout), ['sequence-gap:warning']);
  });

  it('lets --rule override the config file, the last --rule winning', () => {
    const dir = project({ 'a.md': DOC, '.gongwenrc.yaml': 'rules:\n  sequence-gap: off\n' });
    const r = gongwen(['lint', '--format', 'json', '--rule', 'sequence-gap=info', '--rule', 'sequence-start=error', '--rule', 'sequence-gap=error'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.deepEqual(rulesOf(r.stdout), ['sequence-gap:error', 'sequence-start:error']);
  });

  it('uses --config FILE instead of the file it would find', () => {
    const dir = project({ 'a.md': DOC, '.gongwenrc.yaml': 'rules:\n  sequence-gap: off\n', 'ci/strict.yaml': 'rules:\n  sequence-start: error\n' });
    const r = gongwen(['lint', '--format', 'json', '--config', 'ci/strict.yaml'], { cwd: dir });
    assert.deepEqual(rulesOf(r.stdout), ['sequence-gap:error', 'sequence-start:error']);
  });

  it('--print-config shows what a file gets, with the config file and the command line applied', () => {
    const dir = project({ 'docs/a.md': DOC, '.gongwenrc.yaml': 'rules:\n  sequence-gap: warning\n' });
    const r = gongwen(['lint', '--print-config', 'docs/a.md', '--rule', 'mixed-style=off'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const c = json(r.stdout);
    assert.equal(c.file, 'docs/a.md');
    assert.equal(c.configFile, '.gongwenrc.yaml');
    assert.equal(c.options.rules['sequence-gap'], 'warning');
    assert.equal(c.options.rules['mixed-style'], 'off');
    assert.deepEqual(c.errors, []);
  });

  it('--print-config works for a file that does not exist yet, and exits 2 on config errors', () => {
    const dir = project({ '.gongwenrc.yaml': 'rules: [oops\n' });
    const r = gongwen(['lint', '--print-config', 'new.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(json(r.stdout).file, 'new.md');
    assert.match(r.stderr, /^\.gongwenrc\.yaml:\d+:\d+/m);
  });

  describe('--locale', () => {
    const dir = () => project({ 'a.md': DOC });
    const english = (stdout: string) => /Numbering gap/.test(stdout);
    it('is Chinese by default and with C or POSIX locales', () => {
      assert.equal(english(gongwen(['lint'], { cwd: dir() }).stdout), false);
      assert.equal(english(gongwen(['lint'], { cwd: dir(), env: { LANG: 'C.UTF-8' } }).stdout), false);
    });
    it('follows LANG, LC_MESSAGES and LC_ALL, in increasing priority', () => {
      assert.equal(english(gongwen(['lint'], { cwd: dir(), env: { LANG: 'en_US.UTF-8' } }).stdout), true);
      assert.equal(english(gongwen(['lint'], { cwd: dir(), env: { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' } }).stdout), false);
      assert.equal(english(gongwen(['lint'], { cwd: dir(), env: { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' } }).stdout), true);
    });
    it('is overridden by --locale', () => {
      assert.equal(english(gongwen(['lint', '--locale', 'en'], { cwd: dir(), env: { LC_ALL: 'zh_CN.UTF-8' } }).stdout), true);
      assert.equal(english(gongwen(['lint', '--locale', 'zh-CN'], { cwd: dir(), env: { LC_ALL: 'en_US.UTF-8' } }).stdout), false);
    });
  });
});
