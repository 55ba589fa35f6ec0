// Lists what Docker/Podman would send as a build context (see context-walk.ts for the rules).
import path from 'node:path';
import type { ContextEntry } from './context-entry.js';
import { runContextJob } from './worker-run.js';

export type { ContextEntry, ContextEntryType } from './context-entry.js';

export interface ListContextOptions {
  signal?: AbortSignal;
}

/**
 * Lists the build context at `dir`, sorted by path: every path not excluded by the context's
 * `.containerignore` (preferred) or `.dockerignore`, with type, git-style mode and symlink text.
 * Directories are listed too; the ignore file itself always is. Runs on a worker thread.
 */
export function listContextFiles(dir: string, opts: ListContextOptions = {}): Promise<ContextEntry[]> {
  return runContextJob({ op: 'list', root: path.resolve(dir) }, opts.signal);
}
