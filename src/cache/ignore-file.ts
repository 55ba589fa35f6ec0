// Finds and reads the ignore file at a build context's root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIgnoreFile, type IgnoreRule } from './docker-ignore.js';
import { contextReadError, isVanished } from './fs-errors.js';

/** Ignore file names in order of preference, as podman/buildah look for them. */
export const IGNORE_FILE_NAMES = ['.containerignore', '.dockerignore'] as const;

/**
 * Reads `.containerignore`, else `.dockerignore`, at the context root. Only the root is looked
 * at: a `<Containerfile>.dockerignore` beside the Containerfile (BuildKit) is not, which at worst
 * puts more files into the key than the engine sends (a needless rebuild, never a stale image).
 */
export function readContextIgnore(root: string): { file: string | undefined; rules: IgnoreRule[] } {
  for (const name of IGNORE_FILE_NAMES) {
    try {
      return { file: name, rules: parseIgnoreFile(readFileSync(path.join(root, name), 'utf8')) };
    } catch (err) {
      if (isVanished(err)) continue;
      throw contextReadError(root, name, err);
    }
  }
  return { file: undefined, rules: [] };
}
