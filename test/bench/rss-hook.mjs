// Preloaded into every benchmarked Node process (NODE_OPTIONS=--import):
// when the process exits, appends its peak resident set size — getrusage's
// ru_maxrss, in kB, the whole process with all its threads — and the CPU time
// it used (user + system, µs, all threads) to the file named by
// GONGWEN_BENCH_RSS. Exact, unlike sampling /proc, and it needs no
// /usr/bin/time.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.GONGWEN_BENCH_RSS;
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      appendFileSync(out, `${process.pid} ${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
    } catch {
      // the benchmark then reports no figure
    }
  });
}
