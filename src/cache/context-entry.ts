// What one path of a build context looks like in a listing and in the cache key.
import type { Stats } from 'node:fs';

/** `other` is a fifo, socket or device: listed (Docker sends it) but never read. */
export type ContextEntryType = 'file' | 'symlink' | 'dir' | 'other';

/** One path of a build context. */
export interface ContextEntry {
  /** POSIX path relative to the context root, e.g. `src/main.go`. */
  path: string;
  type: ContextEntryType;
  /**
   * Git-style mode: `100644`/`100755` (file, by its executable bit), `120000` (symlink),
   * `040000` (directory), or the octal file-type bits of anything else. Only the executable bit
   * of the permissions counts, as in git, so a different umask on another machine or in CI
   * does not change cache keys.
   */
  mode: string;
  executable: boolean;
  /** Size in bytes of a regular file; 0 otherwise. */
  size: number;
  /** The link text of a symlink; the link is never followed. */
  linkTarget?: string;
}

/** The entry of a directory. */
export function dirEntry(rel: string): ContextEntry {
  return { path: rel, type: 'dir', mode: '040000', executable: false, size: 0 };
}

/** The entry of a non-directory from its lstat (the caller adds a symlink's `linkTarget`). */
export function statEntry(rel: string, st: Stats): ContextEntry {
  if (st.isFile()) {
    const executable = (st.mode & 0o111) !== 0;
    return { path: rel, type: 'file', mode: executable ? '100755' : '100644', executable, size: st.size };
  }
  if (st.isSymbolicLink()) return { path: rel, type: 'symlink', mode: '120000', executable: false, size: 0 };
  const fileType = (st.mode & 0o170000).toString(8).padStart(6, '0');
  return { path: rel, type: 'other', mode: fileType, executable: false, size: 0 };
}
