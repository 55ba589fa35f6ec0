// Runs a context job on a worker thread, so the main thread never waits on the file system.
//
// Why a worker and synchronous I/O there: a build context is mostly many small files, and each
// asynchronous fs call costs 10-15 µs of main-thread bookkeeping (four per file: lstat, open,
// read, close), several times what the system calls themselves cost. Synchronous calls on a
// worker are 3-4x cheaper per file and leave the main thread free for the UI and watchdogs,
// which a hung file system could otherwise freeze.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError, InternalError, TarmacError } from '../../errors/errors.js';
import { reviveError, type ContextJob, type JobOutcome, type JobResults } from './job.js';

/** Runs `job` on a fresh worker thread; aborting `signal` terminates the worker at once. */
export async function runContextJob<K extends keyof JobResults>(
  job: ContextJob<K>,
  signal?: AbortSignal,
): Promise<JobResults[K]> {
  const what = job.op === 'list' ? 'listing a build context' : 'hashing a build context';
  throwIfAborted(signal, what);
  return new Promise<JobResults[K]>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(job);
    } catch (err) {
      reject(
        new InternalError(
          `Cannot start the context hash worker: ${err instanceof Error ? err.message : String(err)}`,
          err,
        ),
      );
      return;
    }
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void =>
      finish(() => {
        try {
          throwIfAborted(signal, what);
        } catch (err) {
          reject(err);
        }
      });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (outcome: JobOutcome<K>) =>
      finish(() => (outcome.ok ? resolve(outcome.value) : reject(reviveError(outcome.error)))),
    );
    worker.once('error', (err) =>
      finish(() => reject(new InternalError(`The context hash worker failed: ${err.message}`, err))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new InternalError(`The context hash worker exited (code ${code}) without an answer`))),
    );
  });
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

function startWorker(job: ContextJob): Worker {
  const compiled = COMPILED_ENTRIES.map((path) => new URL(path, import.meta.url)).find((url) =>
    existsSync(fileURLToPath(url)),
  );
  if (compiled) return new Worker(compiled, { workerData: job });
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
  return new Worker(code, { eval: true, workerData: job });
}
