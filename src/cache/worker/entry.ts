// Worker-thread entry: runs each context job the pool sends ({ id, job }) and posts { id, outcome } back.
import { isMainThread, parentPort } from 'node:worker_threads';
import { runJob, type ContextJob } from './job.js';

// Guarded so that importing this module on the main thread (by mistake) does nothing.
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job }: { id: number; job: ContextJob }) => port.postMessage({ id, outcome: runJob(job) }));
}
