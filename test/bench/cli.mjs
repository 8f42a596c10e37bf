// The command-line part of the benchmark: each tool as one process over the
// whole corpus, several times, interleaved (so that a slow moment of the
// machine hurts every tool alike), medians of wall time, CPU time and peak
// RSS; and the parallel capacity the machine had meanwhile (N floors at once
// against one), without which a --jobs N figure cannot be read.
//
//   node test/bench/cli.mjs [--reps N]
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus } from './generate.mjs';
import { median, ROOT, runNode } from './lib.mjs';

export function cliTools(manifest, jobs = availableParallelism()) {
  const gongwen = join(ROOT, 'server/bin/gongwen.js');
  return [
    { id: 'floor', name: 'bare `unified().use(remarkParse).parse()` (the floor)', args: [join(ROOT, 'test/bench/floor.mjs'), manifest.corpusDir] },
    { id: 'markdownlint', name: 'markdownlint-cli2 (default rules)', args: [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'] },
    { id: 'gongwen-1', name: '`gongwen lint --jobs 1`', args: [gongwen, 'lint', '--jobs', '1', '.'] },
    { id: `gongwen-n`, name: `\`gongwen lint --jobs ${jobs}\``, jobs, args: [gongwen, 'lint', '--jobs', String(jobs), '.'] },
  ];
}

export async function benchCli({ manifest, reps = 5, log = () => {} }) {
  const tools = cliTools(manifest);
  const runs = new Map(tools.map((t) => [t.id, []]));
  // One untimed warm-up of each: the page cache holds the corpus and the tools.
  for (const t of tools) await runNode(t.args, { cwd: manifest.corpusDir });
  for (let r = 0; r < reps; r++) {
    for (const t of tools) {
      const run = await runNode(t.args, { cwd: manifest.corpusDir });
      runs.get(t.id).push(run);
      log(`  ${t.id.padEnd(13)} run ${r + 1}/${reps}: ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds.toFixed(2)} s), ${run.rssMB.toFixed(0)} MB${run.code > 1 ? ` (exit ${run.code})` : ''}`);
    }
  }
  // The parallel capacity the machine had: N floors at once against one (N cores' worth when idle).
  const jobs = availableParallelism();
  const floorArgs = tools[0].args;
  const together = [];
  for (let r = 0; r < Math.max(1, Math.min(reps, 3)); r++) {
    const runs = await Promise.all(Array.from({ length: jobs }, () => runNode(floorArgs, { cwd: manifest.corpusDir })));
    together.push(Math.max(...runs.map((x) => x.seconds)));
  }
  const single = median(runs.get('floor').map((x) => x.seconds));
  const capacity = { jobs, single, together: median(together), cores: (jobs * single) / median(together) };
  log(`  ${jobs} floors at once: ${capacity.together.toFixed(2)} s against ${single.toFixed(2)} s for one — ${capacity.cores.toFixed(2)} cores' worth of parallel capacity`);
  const mb = manifest.totalBytes / 1e6;
  const results = tools.map((t) => {
    const rs = runs.get(t.id);
    const seconds = median(rs.map((x) => x.seconds));
    return {
      id: t.id,
      name: t.name,
      seconds,
      all: rs.map((x) => x.seconds),
      mbPerS: mb / seconds,
      filesPerS: manifest.files / seconds,
      rssMB: median(rs.map((x) => x.rssMB)),
      cpuSeconds: median(rs.map((x) => x.cpuSeconds)),
      failed: rs.some((x) => x.code > 1),
    };
  });
  return { results, capacity };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--reps');
  const { results } = await benchCli({ manifest: ensureCorpus(), reps: i > 0 ? Number(process.argv[i + 1]) : 3, log: (s) => console.log(s) });
  for (const r of results) console.log(`${r.id.padEnd(13)} ${r.mbPerS.toFixed(2)} MB/s ${r.filesPerS.toFixed(0)} files/s ${r.rssMB.toFixed(0)} MB (${r.all.map((s) => s.toFixed(2)).join(' ')})`);
}
