// Checking many files: on the main thread (one job) or with a pool of worker
// threads, N jobs being N − 1 workers and the main thread, which checks files
// between feeding the workers (one V8 heap and one module load fewer). Each
// worker holds a second file in its queue, so it never waits for the main
// thread to finish a file before it gets the next. Results come back in the
// order of the tasks, whatever finished first, so the output is the same for
// any --jobs.
import { Worker } from 'node:worker_threads';
import { FileChecker, type FileTask, type RunContext } from './check-file.js';
import type { FileResult } from './report.js';

export interface PoolOptions {
  jobs: number;
  /** Called after each file, with the number done so far (for the progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The worker's module: bundled with the bundled CLI (npm run bundle:cli), else the compiled one. */
const WORKER = new URL(import.meta.url.endsWith('.bundle.mjs') ? './worker.bundle.mjs' : './worker.js', import.meta.url);

/** Files sent to a worker ahead of its results (enough to outlast a big file on the main thread). */
const IN_FLIGHT = 16;

export async function checkAll(tasks: FileTask[], ctx: RunContext, options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  let done = 0;
  const finished = (i: number, r: FileResult) => {
    results[i] = r;
    options.onProgress?.(++done, tasks.length);
  };
  const workers = Math.max(1, Math.min(options.jobs, tasks.length));
  const checker = new FileChecker(ctx);
  if (workers <= 1) {
    for (let i = 0; i < tasks.length; i++) finished(i, await checker.check(tasks[i]));
    return results;
  }

  let next = 0;
  /** Tasks a crashed worker had queued but not started: they go to the next taker. */
  const retry: number[] = [];
  const take = (): number => (retry.length ? retry.shift()! : next < tasks.length ? next++ : -1);
  const crashed = (task: FileTask, err: unknown): FileResult => ({
    path: task.display,
    status: 'error',
    findings: [],
    notes: [{ code: 'internal-error', severity: 'fatal', message: { zh: `工作线程出错：${String(err)}`, en: `Worker thread failed: ${String(err)}` } }],
    fixed: 0,
    configErrors: [],
  });

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER, { workerData: ctx, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      /** Sent and not yet answered, in the order the worker takes them. */
      const inFlight: number[] = [];
      let closing = false;
      const feed = () => {
        while (inFlight.length < IN_FLIGHT) {
          const i = take();
          if (i < 0) break;
          inFlight.push(i);
          worker.postMessage({ id: i, task: tasks[i] });
        }
        if (!inFlight.length && !closing) {
          closing = true;
          void worker.terminate();
        }
      };
      worker.on('message', (msg: { id: number; result: FileResult }) => {
        const k = inFlight.indexOf(msg.id);
        if (k >= 0) inFlight.splice(k, 1);
        finished(msg.id, msg.result);
        feed();
      });
      let failure: unknown = 'exited';
      worker.on('error', (err) => {
        failure = err;
      });
      worker.on('exit', () => {
        if (inFlight.length) {
          // The file it was on is reported; the ones queued behind it, and the rest, go on elsewhere.
          const [current, ...queued] = inFlight.splice(0);
          finished(current, crashed(tasks[current], failure));
          retry.push(...queued);
          if (retry.length || next < tasks.length) {
            void runWorker().then(resolve);
            return;
          }
        }
        resolve();
      });
      feed();
    });

  const runHere = async () => {
    for (let i = take(); i >= 0; i = take()) {
      finished(i, await checker.check(tasks[i]));
      // Let the workers' results in (and feed them) before the next file.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([...Array.from({ length: workers - 1 }, runWorker), runHere()]);
  return results;
}
