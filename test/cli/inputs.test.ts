// What `gongwen lint` reads: files, folders, quoted globs, the default
// **/*.md, .gitignore and .gongwenignore, and standard input.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gongwen, json, project } from './run.js';

const GAP = '一要加强领导。\n\n三要压实责任。\n';
const CLEAN = '一要加强领导。\n\n二要压实责任。\n';

/** The files a run reported on (JSON format), in output order. */
function checked(dir: string, args: string[]): string[] {
  const r = gongwen(['lint', '--format', 'json', ...args], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  return json(r.stdout)
    .files.filter((f: any) => f.status !== 'skipped')
    .map((f: any) => f.path);
}

describe('gongwen lint inputs', () => {
  const layout = {
    'a.md': GAP,
    'b.markdown': CLEAN,
    'notes.txt': GAP,
    'docs/c.md': CLEAN,
    'docs/deep/d.md': GAP,
    'docs/archive/old.md': GAP,
    'node_modules/pkg/readme.md': GAP,
    '.hidden/e.md': GAP,
  };

  it('checks **/*.{md,markdown} under the working folder by default, sorted, skipping node_modules and dot folders', () => {
    const dir = project(layout);
    assert.deepEqual(checked(dir, []), ['a.md', 'b.markdown', 'docs/archive/old.md', 'docs/c.md', 'docs/deep/d.md']);
  });

  it('takes files, folders and quoted globs, de-duplicated', () => {
    const dir = project(layout);
    assert.deepEqual(checked(dir, ['docs/deep', 'a.md', 'a.md']), ['a.md', 'docs/deep/d.md']);
    assert.deepEqual(checked(dir, ['docs/**/*.md']), ['docs/archive/old.md', 'docs/c.md', 'docs/deep/d.md']);
    assert.deepEqual(checked(dir, ['*.{md,markdown}']), ['a.md', 'b.markdown']);
    assert.deepEqual(checked(dir, ['notes.txt']), ['notes.txt'], 'an explicit file is checked whatever its extension');
  });

  it('checks a file reached through a symlinked folder (even a loop) once, under its shortest path', () => {
    const dir = project({ 'a/x.md': GAP });
    symlinkSync('..', join(dir, 'a/up'));
    symlinkSync('a', join(dir, 'b'));
    assert.deepEqual(checked(dir, []), ['a/x.md']);
    assert.deepEqual(checked(dir, ['b/x.md', 'a/x.md']), ['a/x.md'], 'also when named twice by two paths');
  });

  it('drops what a !pattern excludes', () => {
    const dir = project(layout);
    assert.deepEqual(checked(dir, ['docs/**/*.md', '!docs/archive/**']), ['docs/c.md', 'docs/deep/d.md']);
  });

  it('honours .gitignore and .gongwenignore, including nested ones, and --no-ignore', () => {
    const dir = project({ ...layout, '.gitignore': 'docs/archive/\n', '.gongwenignore': '*.markdown\n', 'docs/.gitignore': 'deep/\n' });
    assert.deepEqual(checked(dir, []), ['a.md', 'docs/c.md']);
    assert.deepEqual(checked(dir, ['docs']), ['docs/c.md']);
    assert.deepEqual(checked(dir, ['--no-ignore']), ['a.md', 'b.markdown', 'docs/archive/old.md', 'docs/c.md', 'docs/deep/d.md']);
  });

  it('honours a .gitignore above the working folder inside the same git project', () => {
    const dir = project({ ...layout, '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'deep/\n' });
    assert.deepEqual(checked(`${dir}/docs`, []), ['archive/old.md', 'c.md']);
  });

  it('reports an explicitly named but ignored file as skipped, not checked', () => {
    const dir = project({ ...layout, '.gongwenignore': 'a.md\n' });
    const r = gongwen(['lint', '--format', 'json', 'a.md', 'docs/c.md'], { cwd: dir });
    assert.equal(r.code, 0);
    const files = json(r.stdout).files;
    assert.deepEqual(
      files.map((f: any) => [f.path, f.status, f.notes.map((n: any) => n.code).join()]),
      [
        ['a.md', 'skipped', 'ignored'],
        ['docs/c.md', 'checked', ''],
      ],
    );
  });

  it('fails with exit code 2 when a path or glob matches nothing, unless told not to', () => {
    const dir = project(layout);
    const r = gongwen(['lint', 'missing.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.md/);
    assert.equal(gongwen(['lint', 'nothing/**/*.md'], { cwd: dir }).code, 2);
    assert.equal(gongwen(['lint', '--no-error-on-unmatched-pattern', 'nothing/**/*.md'], { cwd: dir }).code, 0);
  });

  it('is happy with an empty project (the default pattern may match nothing)', () => {
    const dir = project({ 'x.txt': 'hello' });
    const r = gongwen(['lint'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /检查了 0 个文件/);
  });

  describe('--stdin', () => {
    it('checks standard input under the --stdin-filename, whose folder decides configuration and ignores', () => {
      const dir = project({});
      const r = gongwen(['lint', '--stdin', '--stdin-filename', 'docs/通知.md', '--format', 'json'], { cwd: dir, input: GAP });
      assert.equal(r.code, 1);
      const doc = json(r.stdout);
      assert.equal(doc.files[0].path, 'docs/通知.md');
      assert.deepEqual(doc.files[0].findings.map((f: any) => f.ruleId), ['sequence-gap']);
    });

    it('calls the document <stdin> without a name', () => {
      const r = gongwen(['lint', '--stdin'], { cwd: project({}), input: GAP });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^<stdin>$/m);
    });

    it('with --fix, prints the fixed document on stdout and the report on stderr', () => {
      const r = gongwen(['lint', '--stdin', '--stdin-filename', 'a.md', '--fix'], { cwd: project({}), input: GAP });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, CLEAN);
      assert.match(r.stderr, /已修复 1 个问题/);
    });

    it('with --fix-dry-run, prints the diff', () => {
      const r = gongwen(['lint', '--stdin', '--stdin-filename', 'a.md', '--fix-dry-run'], { cwd: project({}), input: GAP });
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^-三要压实责任。$/m);
      assert.match(r.stdout, /^\+二要压实责任。$/m);
    });

    it('passes an ignored --stdin-filename through untouched', () => {
      const dir = project({ '.gongwenignore': 'vendor/\n' });
      const r = gongwen(['lint', '--stdin', '--stdin-filename', 'vendor/a.md', '--fix'], { cwd: dir, input: GAP });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, GAP);
    });

    it('reads a UTF-8 BOM and CRLF from stdin and keeps them when fixing', () => {
      const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GAP.replace(/\n/g, '\r\n'))]);
      const r = gongwen(['lint', '--stdin', '--fix'], { cwd: project({}), input });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '\ufeff' + CLEAN.replace(/\n/g, '\r\n'));
    });

    it('refuses PATH arguments with --stdin', () => {
      assert.equal(gongwen(['lint', '--stdin', 'a.md'], { cwd: project({}), input: GAP }).code, 2);
    });
  });
});
