// One digest for a build context: sha256 over the sorted `path\0mode\0sha256(content)\n` lines.
import path from 'node:path';
import type { ContextHash } from './context-digest.js';
import { runContextJob } from './worker-run.js';

export type { ContextHash } from './context-digest.js';

export interface HashContextOptions {
  signal?: AbortSignal;
}

/**
 * Hashes the build context at `dir` as the engine would see it (ignore file honoured), on a
 * worker thread. The digest depends only on relative paths, modes and contents: never on where
 * `dir` is. Aborting `signal` stops the work at once.
 */
export function hashContext(dir: string, opts: HashContextOptions = {}): Promise<ContextHash> {
  return runContextJob({ op: 'hash', root: path.resolve(dir) }, opts.signal);
}
