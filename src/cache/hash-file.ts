// Streams one file through sha256 with a caller-owned buffer (no per-file allocation).
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';

/** Chunk size of one read. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Returns the sha256 hex of the file at `abs` and the bytes read, reading at most `size` bytes
 * (its size when listed): a small file costs one open, one read and one close. A file that
 * grows while we hash it is keyed by its listed prefix; the next run sees the change. Opens
 * with O_NOFOLLOW, so a file swapped for a symlink after listing is never followed.
 * Synchronous: it runs in the hash worker, where blocking is the point (see worker/run.ts).
 */
export function hashFileSync(abs: string, size: number, buffer: Buffer): { sha256: string; bytes: number } {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes >= size) break;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    closeSync(fd);
  }
}

/** sha256 hex of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
