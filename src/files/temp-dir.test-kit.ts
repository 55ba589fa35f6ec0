// Temp dirs for unit tests, removed once the calling file's tests end, so a test run leaves nothing in the temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Returns a maker of fresh temp dirs named `<prefix>-XXXXXX`, each removed after the calling file's tests. Call it
 * at the top level of a test file: that is where the afterAll it registers belongs to the whole file.
 */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    made.push(dir);
    return dir;
  };
}
