// `gongwen lint --fix` under fault: it never writes through a symlink — of the
// file or of a folder on its way — that leads out of the project, and a run
// killed with SIGKILL at any moment leaves every draft either as it was or
// fully fixed, never partial. Temporary files a kill leaves behind are removed
// by the next run that writes into their folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixAll } from 'gongwen-server';
import { budget, FULL, runs } from './arbitraries.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'server/bin/gongwen.js');
const WRITE = join(ROOT, 'server/out/cli/write.js');
const GAP = '会议要求：\n\n一要加强组织领导。\n\n三要落实防控责任。\n';
const FIXED = '会议要求：\n\n一要加强组织领导。\n\n二要落实防控责任。\n';

let base: string;
const dir = (name: string) => {
  const d = join(base, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const lint = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '' } });
const tempFiles = (d: string): string[] => readdirSync(d, { recursive: true }).map(String).filter((f) => /\.gongwen-\d+-[0-9a-f]{8}\.tmp$/.test(f));

describe('--fix under fault', function () {
  this.timeout(budget(90_000));

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'gongwen-fix-fault-')));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  describe('symbolic links', () => {
    it('refuses to write through a symlinked folder that leads out of the project, found by walking or named', () => {
      const outside = dir('out1/drafts');
      const project = dir('p1');
      writeFileSync(join(outside, 'a.md'), GAP);
      symlinkSync(outside, join(project, 'linked'));
      for (const args of [['--fix', '--format', 'json'], ['--fix', '--format', 'json', 'linked/a.md']]) {
        const r = lint(project, args);
        assert.equal(readFileSync(join(outside, 'a.md'), 'utf8'), GAP, `${args.join(' ')}: the outside draft is untouched`);
        const file = JSON.parse(r.stdout).files[0];
        assert.deepEqual(file.notes.map((n: { code: string }) => n.code), ['fix-refused']);
        assert.equal(file.fixed, 0);
      }
    });

    it('writes through a symlinked folder inside the project, to the real file', () => {
      const project = dir('p2');
      mkdirSync(join(project, 'real'));
      writeFileSync(join(project, 'real/a.md'), GAP);
      symlinkSync(join(project, 'real'), join(project, 'linked'));
      assert.equal(lint(project, ['--fix', 'linked/a.md']).status, 0);
      assert.equal(readFileSync(join(project, 'real/a.md'), 'utf8'), FIXED);
    });

    it('refuses a symlinked file whose folder is a symlink out (links on links)', () => {
      const outside = dir('out3');
      const project = dir('p3');
      writeFileSync(join(outside, 'a.md'), GAP);
      symlinkSync(outside, join(project, 'hop'));
      symlinkSync(join(project, 'hop', 'a.md'), join(project, 'a.md'));
      lint(project, ['--fix', 'a.md']);
      assert.equal(readFileSync(join(outside, 'a.md'), 'utf8'), GAP);
    });
  });

  describe('SIGKILL', () => {
    it('writeAtomic killed at any moment leaves the file whole: the old text or the new one', async () => {
      // A child rewrites one 4 MB file with writeAtomic, alternating two texts, until it is killed.
      const d = dir('atomic');
      const file = join(d, 'draft.md');
      const A = '甲'.repeat(2_000_000);
      const B = '乙'.repeat(2_000_000);
      writeFileSync(file, A);
      const child = `import { writeAtomic } from ${JSON.stringify(WRITE)};
        const texts = [${JSON.stringify('甲')}.repeat(2000000), ${JSON.stringify('乙')}.repeat(2000000)];
        process.stdout.write('ready\\n');
        for (let i = 1; ; i++) await writeAtomic(${JSON.stringify(file)}, Buffer.from(texts[i % 2]));`;
      const kills = Math.min(runs(12), 200);
      for (let k = 0; k < kills; k++) {
        const p = spawn(process.execPath, ['--input-type=module', '-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((resolve) => p.stdout.once('data', () => resolve()));
        await new Promise((r) => setTimeout(r, 5 + ((k * 37) % 120)));
        p.kill('SIGKILL');
        await new Promise((r) => p.once('exit', r));
        const now = readFileSync(file, 'utf8');
        assert.ok(now === A || now === B, `after kill ${k + 1}: the file is ${now.length} characters, neither text`);
      }
    });

    it('a large --fix killed at random moments leaves every draft old or fixed, and the next run finishes and cleans up', async function () {
      const n = FULL ? 400 : 60;
      const project = dir('kill');
      mkdirSync(join(project, 'sub'));
      // Drafts big enough that writing takes a while (200 KB each), each with a gap to fix.
      const filler = '各地要高度重视，按照要求开展核酸检测，确保各项考试安全、公平、规范。'.repeat(2000);
      const old = (i: number) => `会议要求：\n\n一要加强组织领导。${filler}\n\n三要落实防控责任。（${i}）\n`;
      const names = Array.from({ length: n }, (_, i) => (i % 3 ? `d${i}.md` : `sub/d${i}.md`));
      const write = () => names.forEach((name, i) => writeFileSync(join(project, name), old(i)));
      const fixed = names.map((_, i) => fixAll(old(i)).output);
      assert.notEqual(fixed[0], old(0));

      // How long a whole run takes, to kill inside it.
      write();
      const t0 = Date.now();
      assert.equal(lint(project, ['--fix']).status, 0);
      const full = Date.now() - t0;

      let partial = 0;
      const trials = Math.min(runs(4), 40);
      for (let k = 0; k < trials; k++) {
        write();
        const p = spawn(process.execPath, [BIN, 'lint', '--fix', ...(k % 2 ? ['--jobs', '1'] : [])], { cwd: project, stdio: 'ignore', env: { ...process.env, CI: '' } });
        // Listened for at once: a run faster than the one measured can end before the kill.
        const exited = new Promise((r) => p.once('exit', r));
        await new Promise((r) => setTimeout(r, Math.round(full * (0.3 + (0.6 * k) / Math.max(1, trials - 1)))));
        p.kill('SIGKILL');
        await exited;
        let news = 0;
        names.forEach((name, i) => {
          const now = readFileSync(join(project, name), 'utf8');
          assert.ok(now === old(i) || now === fixed[i], `trial ${k + 1}: ${name} is partial (${now.length} characters)`);
          if (now === fixed[i]) news++;
        });
        if (news > 0 && news < n) partial++;
        // The next run fixes what is left and removes the temporary files the kill left behind.
        assert.equal(lint(project, ['--fix']).status, 0);
        names.forEach((name, i) => assert.equal(readFileSync(join(project, name), 'utf8'), fixed[i], `trial ${k + 1}: ${name} fixed by the next run`));
        assert.deepEqual(tempFiles(project), [], `trial ${k + 1}: temporary files remain`);
      }
      if (process.env.GONGWEN_FUZZ_RUNS) console.log(`      ${trials} kills, ${partial} in the middle of the run (a full run takes ${full} ms)`);
    });

    it('removes only temporary files of processes that are gone, and only when it writes', () => {
      const project = dir('stale');
      writeFileSync(join(project, 'a.md'), GAP);
      const dead = join(project, '.a.md.gongwen-999999999-0123abcd.tmp');
      const alive = join(project, `.a.md.gongwen-${process.pid}-89abcdef.tmp`);
      const other = join(project, '.notes.tmp');
      for (const f of [dead, alive, other]) writeFileSync(f, 'partial');
      assert.equal(lint(project, []).status, 1, 'a plain lint reports the gap');
      assert.equal(tempFiles(project).length, 2, 'a plain lint removes nothing');
      assert.equal(lint(project, ['--fix']).status, 0);
      assert.deepEqual(tempFiles(project), [`.a.md.gongwen-${process.pid}-89abcdef.tmp`], 'the temporary file of a running process stays');
      assert.equal(readFileSync(other, 'utf8'), 'partial', 'other files stay');
    });
  });
});
