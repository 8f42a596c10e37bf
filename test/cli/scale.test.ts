// Scale: the same report whatever --jobs is; shards that split the files
// exactly once; --cache that skips unchanged files and notices every change
// that matters; the progress bar only where it belongs.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gongwen, gongwenAsync, json, project } from './run.js';

const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 40 drafts, some clean, some with a gap, a duplicate or a late start. */
function corpus(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    const numbers = [1, 2, 3, 4].map((n, k) => (i % 4 === 1 && k === 2 ? 5 : i % 4 === 2 && k === 3 ? 3 : i % 4 === 3 ? n + 1 : n));
    const body = numbers.map((n) => `${cn[n - 1]}要做好第${i}项工作的第${n}个环节。`).join('\n\n');
    files[`d${i % 5}/draft-${String(i).padStart(2, '0')}.md`] = `# 第${i}号通知\n\n${body}\n`;
  }
  return files;
}

describe('gongwen lint at scale', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = project(corpus());
  });

  it('gives the same output with --jobs 1 and --jobs 4, in every format', async () => {
    for (const format of ['json', 'stylish', 'sarif', 'github', 'junit']) {
      const [one, four] = await Promise.all([gongwenAsync(['lint', '--format', format, '--jobs', '1'], { cwd: dir }), gongwenAsync(['lint', '--format', format, '--jobs', '4'], { cwd: dir })]);
      assert.equal(four.stdout, one.stdout, format);
      assert.equal(four.code, one.code);
    }
    const doc = json(gongwen(['lint', '--format', 'json', '--jobs', '3'], { cwd: dir }).stdout);
    assert.equal(doc.files.length, 40);
    assert.equal(doc.summary.errors > 0 && doc.summary.warnings > 0, true);
  });

  it('splits the files into shards that together are the unsharded run, each file exactly once', async () => {
    const whole = json(gongwen(['lint', '--format', 'json'], { cwd: dir }).stdout);
    for (const n of [2, 3, 7]) {
      const shards = await Promise.all(Array.from({ length: n }, (_, i) => gongwenAsync(['lint', '--format', 'json', '--shard', `${i + 1}/${n}`], { cwd: dir })));
      const files = shards.flatMap((s) => json(s.stdout).files);
      const paths = files.map((f: any) => f.path);
      assert.equal(new Set(paths).size, paths.length, 'no file in two shards');
      files.sort((a: any, b: any) => (a.path < b.path ? -1 : 1));
      assert.deepEqual(files, whole.files, `${n} shards`);
      // The exit code of the matrix is the worst of its jobs.
      assert.equal(Math.max(...shards.map((s) => s.code)), whole.exitCode);
    }
  });

  it('shards deterministically: the same shard twice is the same run', () => {
    const a = gongwen(['lint', '--format', 'json', '--shard', '2/3'], { cwd: dir }).stdout;
    const b = gongwen(['lint', '--format', 'json', '--shard', '2/3', '--jobs', '2'], { cwd: dir }).stdout;
    assert.equal(a, b);
  });

  describe('--cache', () => {
    const run = (d: string, args: string[] = []) => json(gongwen(['lint', '--format', 'json', '--cache', ...args], { cwd: d }).stdout);
    const cachedOf = (d: string, args: string[] = []) => {
      const r = gongwen(['lint', '--format', 'json', '--cache', '--jobs', '1', ...args], { cwd: d, env: { GONGWEN_DEBUG_CACHE: '1' } });
      return { doc: json(r.stdout), hits: (r.stderr.match(/^cache hit /gm) ?? []).length };
    };

    it('reuses results for unchanged files, with the same report', () => {
      const d = project(corpus());
      const first = cachedOf(d);
      assert.equal(first.hits, 0);
      const second = cachedOf(d);
      assert.equal(second.hits, 40);
      assert.deepEqual(second.doc, first.doc);
    });

    it('re-checks a file whose content changed, and only that one', () => {
      const d = project(corpus());
      cachedOf(d);
      writeFileSync(join(d, 'd0/draft-00.md'), '一要加强。\n\n三要落实。\n');
      const r = cachedOf(d);
      assert.equal(r.hits, 39);
      assert.deepEqual(r.doc.files.find((f: any) => f.path === 'd0/draft-00.md').findings.map((f: any) => f.ruleId), ['sequence-gap']);
    });

    it('re-checks everything when the configuration or the command-line rules change', () => {
      const d = project(corpus());
      cachedOf(d);
      assert.equal(cachedOf(d, ['--rule', 'sequence-gap=off']).hits, 0);
      assert.equal(cachedOf(d, ['--rule', 'sequence-gap=off']).hits, 40);
      writeFileSync(join(d, '.gongwenrc.yaml'), 'rules:\n  sequence-start: off\n');
      const changed = cachedOf(d, ['--rule', 'sequence-gap=off']);
      assert.equal(changed.hits, 0);
      assert.equal(changed.doc.summary.warnings, 0);
    });

    it('does not cache what --fix-dry-run would leave (the file still has its findings)', () => {
      const d = project({ 'a.md': '一要加强。\n\n三要落实。\n' });
      gongwen(['lint', '--cache', '--fix-dry-run'], { cwd: d });
      assert.equal(run(d).summary.errors, 1);
    });

    it('stores its file in .gongwen-cache/ (or --cache-location), ignores a damaged cache, and still fixes cached files', () => {
      const d = project({ 'a.md': '一要加强。\n\n三要落实。\n' });
      run(d);
      writeFileSync(join(d, '.gongwen-cache/lint-cache.json'), '{not json');
      assert.equal(run(d).summary.errors, 1);
      const fixed = json(gongwen(['lint', '--format', 'json', '--cache', '--fix'], { cwd: d }).stdout);
      assert.equal(fixed.summary.fixed, 1);
      assert.equal(run(d).summary.errors, 0);
      run(d, ['--cache-location', 'tmp/cache/']);
      assert.ok(json(gongwen(['lint', '--format', 'json', '--cache', '--cache-location', 'tmp/cache/'], { cwd: d }).stdout));
      assert.ok(require_exists(join(d, 'tmp/cache/lint-cache.json')));
    });
  });

  describe('progress bar', () => {
    const many = () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 320; i++) files[`p/${i}.md`] = '一要加强。\n\n二要落实。\n';
      return project(files);
    };
    it('is not drawn when stderr is not a terminal, nor in CI', () => {
      const d = many();
      assert.doesNotMatch(gongwen(['lint'], { cwd: d }).stderr, /█|░/);
      assert.doesNotMatch(gongwen(['lint'], { cwd: d, env: { CI: 'true' } }).stderr, /█|░/);
    });
    it('is drawn on request with --progress (one line per hundred files off a terminal)', () => {
      const r = gongwen(['lint', '--progress'], { cwd: many() });
      assert.match(r.stderr, /\] 320\/320\n/);
    });
    it('is drawn on a terminal for more than 300 files, and not for fewer', async () => {
      const { main } = await import('./run.js').then((m) => m.serverModule('cli/main.js'));
      const drawn = async (d: string, env: Record<string, string> = {}) => {
        let err = '';
        await main(['lint', '--jobs', '1'], { out: () => undefined, err: (s: string) => (err += s), cwd: d, env, stdoutIsTTY: false, stderrIsTTY: true, columns: 80 });
        return /\r\[/.test(err);
      };
      assert.equal(await drawn(many()), true);
      assert.equal(await drawn(many(), { CI: 'true' }), false);
      assert.equal(await drawn(project({ 'a.md': '一要加强。\n' })), false);
    });
  });
});

function require_exists(path: string): boolean {
  try {
    return Boolean(json(readFileSync(path, 'utf8')));
  } catch {
    return false;
  }
}
