// A lint worker thread: checks the files the pool sends it, one at a time,
// with the run's shared context (workerData). See pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, type FileTask, type RunContext } from './check-file.js';

const checker = new FileChecker(workerData as RunContext);

parentPort!.on('message', async (msg: { id: number; task: FileTask }) => {
  const result = await checker.check(msg.task);
  parentPort!.postMessage({ id: msg.id, result });
});
