// --fix and --fix-dry-run on real files: atomic writes that keep line endings,
// BOM and mode; only changed files are touched; a second run changes nothing;
// symlinks out of the project are refused; the dry-run diff is a real patch.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, gongwen, json, project, read, readBytes } from './run.js';

const GAP = '# 通知\n\n一要加强领导。\n\n三要压实责任。\n\n四要强化督查。\n';
const FIXED = '# 通知\n\n一要加强领导。\n\n二要压实责任。\n\n三要强化督查。\n';
const CLEAN = '一要加强领导。\n\n二要压实责任。\n';
/** 最后 before the end is an ordinal-adverb warning, which has no fix. */
const UNFIXABLE = '首先，加强领导。最后，压实责任。其次，强化督查。\n';

describe('gongwen lint --fix', () => {
  it('fixes every fixable finding in one run and reports what is left', () => {
    const dir = project({ 'a.md': GAP + '\n' + UNFIXABLE });
    const r = gongwen(['lint', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(read(dir, 'a.md'), FIXED + '\n' + UNFIXABLE);
    const file = json(r.stdout).files[0];
    assert.ok(file.fixed >= 1);
    assert.deepEqual([...new Set(file.findings.map((f: any) => f.ruleId))], ['ordinal-adverb']);
    assert.equal(r.code, 0, 'what is left is a warning');
  });

  it('fixes the example draft (gap, mixed style, announced count) in one run, no second run needed', () => {
    const dir = project({}, 'drafts');
    gongwen(['lint', '--fix'], { cwd: dir });
    const second = gongwen(['lint', '--format', 'json'], { cwd: dir });
    assert.equal(second.code, 0, second.stdout);
    assert.equal(json(second.stdout).summary.fixable, 0);
    assert.match(read(dir, 'b-errors.md'), /重点抓好五个方面工作。\n\n一要.*\n\n二要.*\n\n三要.*\n\n四要.*\n\n五要/s);
  });

  it('keeps CRLF line endings and the UTF-8 BOM', () => {
    const dir = project({ 'a.md': readFileSync(join(FIXTURES, 'encodings/utf8-bom-crlf.md')) });
    assert.equal(gongwen(['lint', '--fix', 'a.md'], { cwd: dir }).code, 0);
    const bytes = readBytes(dir, 'a.md');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.subarray(3).toString('utf8');
    assert.equal(text, '# 通知\r\n\r\n一要加强领导。\r\n\r\n二要压实责任。\r\n');
  });

  it('keeps the file mode, leaves no temporary file behind, and replaces the file atomically', () => {
    const dir = project({ 'a.md': GAP });
    chmodSync(join(dir, 'a.md'), 0o640);
    const before = statSync(join(dir, 'a.md'));
    gongwen(['lint', '--fix'], { cwd: dir });
    const after = statSync(join(dir, 'a.md'));
    assert.equal(after.mode & 0o777, 0o640);
    assert.notEqual(after.ino, before.ino, 'a new file was renamed into place');
    assert.deepEqual(readdirSync(dir).sort(), ['a.md']);
  });

  it('touches only the files that change, and a second run touches none (idempotent)', () => {
    const dir = project({ 'a.md': GAP, 'b.md': CLEAN, 'c.md': UNFIXABLE });
    const inode = (n: string) => statSync(join(dir, n)).ino;
    const first = { b: inode('b.md'), c: inode('c.md') };
    gongwen(['lint', '--fix'], { cwd: dir });
    assert.equal(inode('b.md'), first.b);
    assert.equal(inode('c.md'), first.c);
    const a = inode('a.md');
    const snapshot = ['a.md', 'b.md', 'c.md'].map((n) => read(dir, n));
    const second = gongwen(['lint', '--fix', '--format', 'json'], { cwd: dir });
    assert.equal(inode('a.md'), a, 'the second run wrote nothing');
    assert.deepEqual(['a.md', 'b.md', 'c.md'].map((n) => read(dir, n)), snapshot);
    assert.equal(json(second.stdout).summary.fixed, 0);
  });

  it('refuses to write through a symlink that leads out of the project, and says so', () => {
    const outside = project({ 'target.md': GAP });
    const dir = project({});
    symlinkSync(join(outside, 'target.md'), join(dir, 'link.md'));
    const r = gongwen(['lint', '--fix', '--format', 'json', 'link.md'], { cwd: dir });
    assert.equal(read(outside, 'target.md'), GAP);
    const file = json(r.stdout).files[0];
    assert.deepEqual(file.notes.map((n: any) => n.code), ['fix-refused']);
    assert.deepEqual(file.findings.map((f: any) => f.ruleId), ['sequence-gap'], 'the finding is still reported');
    assert.equal(r.code, 1);
  });

  it('writes through a symlink inside the project to its target, keeping the link', () => {
    const dir = project({ 'real/a.md': GAP });
    symlinkSync(join(dir, 'real/a.md'), join(dir, 'link.md'));
    assert.equal(gongwen(['lint', '--fix', 'link.md'], { cwd: dir }).code, 0);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink());
    assert.equal(read(dir, 'real/a.md'), FIXED);
  });

  describe('--fix-dry-run', () => {
    it('writes nothing and prints a unified diff that git apply turns into what --fix writes', () => {
      const dir = project({}, 'drafts');
      const fixedDir = project({}, 'drafts');
      const r = gongwen(['lint', '--fix-dry-run'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^--- a\/b-errors\.md\n\+\+\+ b\/b-errors\.md\n@@ /m);
      assert.match(r.stderr, /--fix 将修复 \d+ 个问题/, 'the report goes to stderr');
      assert.equal(read(dir, 'b-errors.md'), read(fixedDir, 'b-errors.md'), 'nothing written');
      gongwen(['lint', '--fix'], { cwd: fixedDir });
      const apply = spawnSync('git', ['apply', '--unsafe-paths', '-p1', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
      assert.equal(apply.status, 0, apply.stderr);
      for (const name of ['b-errors.md', 'sub/c-warning.md', 'sub/特殊,名字.md', 'a-clean.md']) assert.equal(read(dir, name), read(fixedDir, name), name);
    });

    it('prints nothing on stdout when there is nothing to fix', () => {
      const r = gongwen(['lint', '--fix-dry-run'], { cwd: project({ 'a.md': CLEAN }) });
      assert.equal(r.stdout, '');
      assert.equal(r.code, 0);
    });
  });
});
