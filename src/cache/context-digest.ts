// The synchronous core of hashContext: walk, hash every file, hash the manifest.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ContextEntry } from './context-entry.js';
import { walkContext, walkContextWithin, type ContextBudget } from './context-walk.js';
import { contextReadError, isVanished } from './fs-errors.js';
import { hashFileSync, READ_CHUNK_BYTES, sha256Hex } from './hash-file.js';

/** The digest of a build context and what went into it. */
export interface ContextHash {
  /** sha256 hex of the manifest: sorted `path\0mode\0sha256(content)\n` lines. */
  digest: string;
  /** Entries that are not directories (files, symlinks, special files). */
  files: number;
  /** Bytes of file content hashed. */
  bytes: number;
}

// Directories and special files have no content to read; they hash as the empty string.
const EMPTY_SHA256 = sha256Hex('');

/**
 * Hashes the context at `dir`. Depends only on relative paths, modes and contents,
 * never on where `dir` is. Symlink content is the link text.
 */
export function digestContext(dir: string): ContextHash;
/** The same, or undefined without reading any content when the context holds more than `budget`. */
export function digestContext(dir: string, budget: ContextBudget): ContextHash | undefined;
export function digestContext(dir: string, budget?: ContextBudget): ContextHash | undefined {
  const root = path.resolve(dir);
  const entries = budget ? walkContextWithin(root, budget) : walkContext(root);
  if (!entries) return undefined;
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  const manifest = createHash('sha256');
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    const content = contentHash(root, entry, buffer);
    if (entry.type !== 'dir') files += 1;
    bytes += content.bytes;
    manifest.update(`${entry.path}\x00${entry.mode}\x00${content.sha256}\n`);
  }
  return { digest: manifest.digest('hex'), files, bytes };
}

function contentHash(root: string, entry: ContextEntry, buffer: Buffer): { sha256: string; bytes: number } {
  if (entry.type === 'symlink') return { sha256: sha256Hex(entry.linkTarget ?? ''), bytes: 0 };
  if (entry.type !== 'file') return { sha256: EMPTY_SHA256, bytes: 0 };
  try {
    return hashFileSync(`${root}/${entry.path}`, entry.size, buffer);
  } catch (err) {
    // Deleted between listing and reading: hash it as empty rather than fail the whole run; the
    // next run sees the change. Anything else (EACCES, ELOOP from a swapped-in symlink) fails.
    if (isVanished(err)) return { sha256: EMPTY_SHA256, bytes: 0 };
    throw contextReadError(root, entry.path, err);
  }
}
