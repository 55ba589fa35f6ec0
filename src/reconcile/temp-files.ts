// Temp files a run leaves in the system temp dir when it dies mid-step: kind delivery archives
// (`tarmac-<run>-kind-<cluster>-<hex>.tar`), rendered manifests (`tarmac-<run>-apply-<group>-<hex>.json`) and
// labelled Containerfile copies of podman builds (`tarmac-<run>-containerfile-<hex>`, engines/label-instruction.ts).
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The run id is `YYYYMMDD-HHMMSS-xxxx` (src/orchestrate/run-id.ts); only the kinds of files tarmac writes match.
const TEMP_FILE = /^tarmac-(\d{8}-\d{6}-[0-9a-f]{4})-(?:kind-.+\.tar|apply-.+\.json|containerfile-[0-9a-f]{8})$/;

/** The run id a temp file name belongs to, if it is one of tarmac's run temp files. */
export function tempFileRun(name: string): string | undefined {
  return TEMP_FILE.exec(name)?.[1];
}

/** Removes the temp files of the given (dead) runs; returns the paths removed. */
export async function sweepTempFiles(deadRuns: ReadonlySet<string>, dir: string = tmpdir()): Promise<string[]> {
  if (deadRuns.size === 0) return [];
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const run = tempFileRun(name);
    if (run === undefined || !deadRuns.has(run)) continue;
    const path = join(dir, name);
    // Files only: a directory or link with a look-alike name is not something tarmac wrote.
    const stat = await lstat(path).catch(() => undefined);
    if (!stat?.isFile()) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
