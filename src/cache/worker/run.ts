// Runs context jobs on worker threads, so the main thread never waits on the file system.
//
// Why a worker and synchronous I/O there: a build context is mostly many small files, and each
// asynchronous fs call costs 10-15 µs of main-thread bookkeeping (four per file: lstat, open,
// read, close), several times what the system calls themselves cost. Synchronous calls on a
// worker are 3-4x cheaper per file and leave the main thread free for the UI and watchdogs,
// which a hung file system could otherwise freeze.
//
// Why a pool that keeps its workers: starting a worker thread costs about 0.2 s of CPU (a Node environment and
// the job's modules), more than hashing a small context. A build's contexts share the pool's few workers.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError, InternalError, TarmacError } from '../../errors/errors.js';
import { reviveError, type ContextJob, type JobOutcome, type JobResults } from './job.js';

/** Worker threads that run context jobs, one job per worker at a time. */
export interface ContextPool {
  run<K extends keyof JobResults>(job: ContextJob<K>, signal?: AbortSignal): Promise<JobResults[K]>;
  /** Ends the idle workers; jobs still running end their workers when they finish. */
  close(): void;
}

/** A pool of at most `size` workers, started on demand. */
export function createContextPool(size: number): ContextPool {
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  let started = 0;
  let closed = false;
  let nextId = 0;

  // A worker for one job: an idle one, a new one while under `size`, else the next one released.
  const acquire = async (): Promise<Worker> => {
    const free = idle.pop();
    if (free) return free;
    if (started < size) {
      const worker = startWorker();
      started += 1;
      return worker;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
    return acquire();
  };
  const release = (worker: Worker, healthy: boolean): void => {
    if (!healthy || closed) {
      void worker.terminate();
      started -= 1;
    } else {
      // An idle worker must not keep the process alive; a running job's worker must.
      worker.unref();
      idle.push(worker);
    }
    waiting.shift()?.();
  };

  return {
    async run<K extends keyof JobResults>(job: ContextJob<K>, signal?: AbortSignal): Promise<JobResults[K]> {
      const what = job.op === 'list' ? 'listing a build context' : 'hashing a build context';
      throwIfAborted(signal, what);
      const worker = await acquire();
      // Aborted while waiting for a worker: the job never starts.
      if (signal?.aborted) {
        release(worker, true);
        throwIfAborted(signal, what);
      }
      worker.ref();
      const id = nextId++;
      return new Promise<JobResults[K]>((resolve, reject) => {
        const finish = (healthy: boolean, settle: () => void): void => {
          signal?.removeEventListener('abort', onAbort);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          release(worker, healthy);
          settle();
        };
        const onMessage = (m: { id: number; outcome: JobOutcome<K> }): void => {
          if (m.id !== id) return;
          finish(true, () => (m.outcome.ok ? resolve(m.outcome.value) : reject(reviveError(m.outcome.error))));
        };
        const onError = (err: Error): void =>
          finish(false, () => reject(new InternalError(`The context hash worker failed: ${err.message}`, err)));
        const onExit = (code: number): void =>
          finish(false, () =>
            reject(new InternalError(`The context hash worker exited (code ${code}) without an answer`)),
          );
        // Aborting ends the worker at once: a synchronous walk cannot be interrupted any other way.
        const onAbort = (): void =>
          finish(false, () => {
            try {
              throwIfAborted(signal, what);
            } catch (err) {
              reject(err);
            }
          });
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        worker.postMessage({ id, job });
      });
    },
    close(): void {
      closed = true;
      for (const worker of idle.splice(0)) void worker.terminate();
    },
  };
}

/** Runs one job on a worker of its own, ended afterwards; aborting `signal` terminates the worker at once. */
export async function runContextJob<K extends keyof JobResults>(
  job: ContextJob<K>,
  signal?: AbortSignal,
): Promise<JobResults[K]> {
  const pool = createContextPool(1);
  try {
    return await pool.run(job, signal);
  } finally {
    pool.close();
  }
}

/** Throws when `signal` is aborted: its reason if that is a TarmacError, else a CancelledError (never a DOMException). */
function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (!signal?.aborted) return;
  // A watchdog aborts with its own typed reason (e.g. a timeout); keep it so the report names it.
  if (signal.reason instanceof TarmacError) throw signal.reason;
  throw new CancelledError(`Cancelled while ${what}`);
}

// The worker's compiled entry: entry.js beside this module in dist/'s one-file-per-module layout, or the CLI
// bundle's context-worker.js beside the bundle's chunk that holds this code (scripts/bundle-cli.mjs).
const COMPILED_ENTRIES = ['./entry.js', './context-worker.js'];

function startWorker(): Worker {
  const compiled = COMPILED_ENTRIES.map((path) => new URL(path, import.meta.url)).find((url) =>
    existsSync(fileURLToPath(url)),
  );
  try {
    if (compiled) return new Worker(compiled);
    // Running from TypeScript sources (vitest, tsx): there is no .js to start, and tsx registers its
    // loader on the main thread only, so the worker loads its .ts entry through tsx's API itself.
    // The API's `require` entry is .cjs; its ESM twin sits beside it.
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./entry.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
    return new Worker(code, { eval: true });
  } catch (err) {
    throw new InternalError(
      `Cannot start the context hash worker: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
  }
}
