// The cache's asynchronous API over a build context: its digest and its listing, each computed on a worker thread
// (src/cache/worker/) so the main thread never waits on the file system.
import path from 'node:path';
import type { ContextEntry } from './context-entry.js';
import type { ContextHash } from './context-digest.js';
import { runContextJob, type ContextPool } from './worker/run.js';

export type { ContextHash } from './context-digest.js';
export type { ContextEntry, ContextEntryType } from './context-entry.js';

export interface ContextJobOptions {
  signal?: AbortSignal;
  /** Workers to run on (see createContextPool); without one, the job gets a worker of its own. */
  pool?: ContextPool;
}

/**
 * Hashes the build context at `dir` as the engine would see it (ignore file honoured): sha256 over the sorted
 * `path\0mode\0sha256(content)\n` lines. The digest depends only on relative paths, modes and contents, never on
 * where `dir` is. Aborting `signal` stops the work at once.
 */
export function hashContext(dir: string, opts: ContextJobOptions = {}): Promise<ContextHash> {
  const job = { op: 'hash', root: path.resolve(dir) } as const;
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
