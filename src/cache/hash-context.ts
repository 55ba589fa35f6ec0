// The cache's asynchronous API over a build context: its digest and its listing, each computed on a worker thread
// (src/cache/worker/) so the main thread never waits on the file system.
import path from 'node:path';
import type { ContextEntry } from './context-entry.js';
import { digestContext, type ContextHash } from './context-digest.js';
import type { ContextBudget } from './context-walk.js';
import { runContextJob, type ContextPool } from './worker/run.js';

export type { ContextHash } from './context-digest.js';
export type { ContextEntry, ContextEntryType } from './context-entry.js';

export interface ContextJobOptions {
  signal?: AbortSignal;
  /** Workers to run on (see createContextPool); without one, the job gets a worker of its own. */
  pool?: ContextPool;
}

/**
 * hashContext hashes a context this small on the calling thread (issue 16): starting a worker costs about 0.1 s of
 * CPU, several times what hashing a few files does, and a no-change `up` hashes every image's context. The bound
 * keeps the calling thread's wait short (about 10-20 ms); a larger context stops the walk there and goes to a worker.
 */
export const IN_THREAD_BUDGET: ContextBudget = { entries: 500, bytes: 8 * 1024 * 1024 };

/**
 * Hashes the build context at `dir` as the engine would see it (ignore file honoured): sha256 over the sorted
 * `path\0mode\0sha256(content)\n` lines. The digest depends only on relative paths, modes and contents, never on
 * where `dir` is. Aborting `signal` stops the work at once.
 */
export async function hashContext(
  dir: string,
  opts: ContextJobOptions & { inThreadWithin?: ContextBudget } = {},
): Promise<ContextHash> {
  const job = { op: 'hash', root: path.resolve(dir) } as const;
  // Aborted already: the worker path says so as it always does.
  const small = opts.inThreadWithin && !opts.signal?.aborted ? digestContext(job.root, opts.inThreadWithin) : undefined;
  if (small) return small;
  return opts.pool ? opts.pool.run(job, opts.signal) : runContextJob(job, opts.signal);
}

/**
 * Lists the build context at `dir`, sorted by path: every path not excluded by the context's `.containerignore`
 * (preferred) or `.dockerignore`, with type, git-style mode and symlink text. Directories are listed too; the
 * ignore file itself always is.
 */
export function listContextFiles(dir: string, opts: ContextJobOptions = {}): Promise<ContextEntry[]> {
  const job = { op: 'list', root: path.resolve(dir) } as const;
  return opts.pool ? opts.pool.run(job, opts.signal) : runContextJob(job, opts.signal);
}
