// Free bytes of the filesystem holding a path (statfs); a path that does not exist yet is
// measured at its nearest existing parent, where it would be created.
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface FreeSpace {
  /** The path asked about. */
  path: string;
  /** The existing path that was measured (the path itself or a parent). */
  measured: string;
  /** Bytes an unprivileged writer may still use (f_bavail × f_bsize). */
  freeBytes: number;
  totalBytes: number;
}

/** statfs of `path` or of its nearest existing parent. */
export async function freeSpace(path: string): Promise<FreeSpace> {
  let measured = resolve(path);
  while (!existsSync(measured) && dirname(measured) !== measured) measured = dirname(measured);
  const s = await statfs(measured);
  return { path, measured, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}
