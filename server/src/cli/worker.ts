// A lint worker thread: checks the files the pool sends it, one at a time and
// in the order sent (the pool keeps more than one queued here), with the
// run's shared context (workerData). See pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type FileTask, type RunContext } from './check-file.js';

const checker = new FileChecker(workerData as RunContext);
const queue: Array<{ id: number; task: FileTask }> = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  while (queue.length) {
    const msg = queue.shift()!;
    const result = await checker.check(msg.task);
    parentPort!.postMessage({ id: msg.id, result });
  }
  busy = false;
}

parentPort!.on('message', (msg: { id: number; task: FileTask }) => {
  queue.push(msg);
  if (!busy) void drain();
});
