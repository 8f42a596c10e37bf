// Checking many files: on the main thread (one job) or with a pool of worker
// threads. Results come back in the order of the tasks, whatever finished
// first, so the output is the same for any --jobs.
import { Worker } from 'node:worker_threads';
import { FileChecker, type FileTask, type RunContext } from './check-file.js';
import type { FileResult } from './report.js';

export interface PoolOptions {
  jobs: number;
  /** Called after each file, with the number done so far (for the progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export async function checkAll(tasks: FileTask[], ctx: RunContext, options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  let done = 0;
  const finished = (i: number, r: FileResult) => {
    results[i] = r;
    options.onProgress?.(++done, tasks.length);
  };
  const workers = Math.max(1, Math.min(options.jobs, tasks.length));
  if (workers <= 1) {
    const checker = new FileChecker(ctx);
    for (let i = 0; i < tasks.length; i++) finished(i, await checker.check(tasks[i]));
    return results;
  }

  let next = 0;
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
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: ctx });
      let current = -1;
      const feed = () => {
        if (next >= tasks.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] });
      };
      worker.on('message', (msg: { id: number; result: FileResult }) => {
        finished(msg.id, msg.result);
        feed();
      });
      let failure: unknown = 'exited';
      worker.on('error', (err) => {
        failure = err;
      });
      worker.on('exit', () => {
        if (current >= 0) {
          // The file it was on is reported; a fresh worker takes over the rest.
          finished(current, crashed(tasks[current], failure));
          current = -1;
          if (next < tasks.length) {
            void runWorker().then(resolve);
            return;
          }
        }
        resolve();
      });
      feed();
    });

  await Promise.all(Array.from({ length: workers }, runWorker));
  return results;
}
