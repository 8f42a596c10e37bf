// `npm run fuzz -- --runs 100000 [--seed N] [--grep text] [--no-full]`: a long
// robustness campaign. Runs the robustness suites and the server chaos test
// with every property at --runs cases (the chaos test at --runs steps), the
// pathological inputs at full size, and a seed that is printed so any failure
// can be replayed with --seed. `npm test` runs the same suites with small, fixed budgets.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    grep: { type: 'string' },
    'no-full': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`fuzz: --runs must be a positive integer, not ${values.runs}`);
  process.exit(2);
}
const seed = values.seed ?? String(Date.now() % 2 ** 31);
const root = fileURLToPath(new URL('../../../', import.meta.url));
console.log(`fuzz: ${runs} runs per property, seed ${seed} (replay with --seed ${seed})${values['no-full'] ? '' : ', pathological inputs at full size'}`);
const r = spawnSync(
  process.execPath,
  [
    `${root}node_modules/mocha/bin/mocha.js`,
    '--no-config',
    '--timeout',
    '0',
    '--reporter',
    'spec',
    ...(values.grep ? ['--grep', values.grep] : []),
    'test/out/robustness/*.test.js',
    'test/out/lsp/chaos.test.js',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GONGWEN_FUZZ_RUNS: String(runs), GONGWEN_FUZZ_SEED: seed, GONGWEN_FUZZ_FULL: values['no-full'] ? '' : '1' },
  },
);
process.exit(r.status ?? 1);
