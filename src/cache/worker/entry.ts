// Worker-thread entry: runs the one context job it was started with and posts the outcome.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runJob, type ContextJob } from './job.js';

// Guarded so that importing this module on the main thread (by mistake) does nothing.
if (!isMainThread && parentPort) parentPort.postMessage(runJob(workerData as ContextJob));
