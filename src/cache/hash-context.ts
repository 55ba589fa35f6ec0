// The cache's asynchronous API over a build context: its digest and its listing, each computed on a worker thread
// (src/cache/worker/) so the main thread never waits on the file system.
import path from 'node:path';
import type { ContextEntry } from './context-entry.js';
import type { ContextHash } from './context-digest.js';
import { runContextJob } from './worker/run.js';

export type { ContextHash } from './context-digest.js';
export type { ContextEntry, ContextEntryType } from './context-entry.js';

export interface ContextJobOptions {
  signal?: AbortSignal;
}

/**
 * Hashes the build context at `dir` as the engine would see it (ignore file honoured): sha256 over the sorted
 * `path\0mode\0sha256(content)\n` lines. The digest depends only on relative paths, modes and contents, never on
 * where `dir` is. Aborting `signal` stops the work at once.
 */
export function hashContext(dir: string, opts: ContextJobOptions = {}): Promise<ContextHash> {
  return runContextJob({ op: 'hash', root: path.resolve(dir) }, opts.signal);
}

/**
 * Lists the build context at `dir`, sorted by path: every path not excluded by the context's `.containerignore`
 * (preferred) or `.dockerignore`, with type, git-style mode and symlink text. Directories are listed too; the
 * ignore file itself always is.
 */
export function listContextFiles(dir: string, opts: ContextJobOptions = {}): Promise<ContextEntry[]> {
  return runContextJob({ op: 'list', root: path.resolve(dir) }, opts.signal);
}
