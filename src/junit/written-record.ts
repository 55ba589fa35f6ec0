// tarmac's record of the JUnit file the suite wrote, kept in the state dir. tarmac clears a JUnit file before a
// run only when this record shows the suite wrote that very file in an earlier run: `junit: tarmac.yaml` or a
// file of someone else's is never deleted. A file tarmac may not clear is instead watched: left unchanged by the
// run, it is stale and never passes for this run's results.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const RECORD_FILE = 'junit-written.json';

/** What identifies one version of a file: a rewrite changes at least one of these. */
export interface FileFingerprint {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface WrittenRecord extends FileFingerprint {
  path: string;
}

/** The fingerprint of the file at `path`, or undefined when there is none. */
export async function fingerprint(path: string): Promise<FileFingerprint | undefined> {
  const s = await stat(path).catch(() => undefined);
  return s === undefined || !s.isFile()
    ? undefined
    : { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
}

/** Whether two fingerprints name the same version of a file. */
export function sameVersion(a: FileFingerprint | undefined, b: FileFingerprint | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

/**
 * Before a run: removes the JUnit file when the record shows the suite wrote it, and returns undefined; otherwise
 * leaves it and returns its fingerprint (undefined when there is no file), so the caller can tell if the run rewrote it.
 */
export async function clearOwnJUnit(path: string, stateDir: string): Promise<FileFingerprint | undefined> {
  const current = await fingerprint(path);
  if (current === undefined) return undefined;
  const record = await readRecord(stateDir);
  if (record?.path !== path || !sameVersion(record, current)) return current;
  await rm(path, { force: true });
  return undefined;
}

/** After a run that wrote the JUnit file: remember it, so the next run may clear it. */
export async function recordWrittenJUnit(path: string, stateDir: string): Promise<void> {
  const current = await fingerprint(path);
  if (current === undefined) return;
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeFile(join(stateDir, RECORD_FILE), `${JSON.stringify({ path, ...current })}\n`, { mode: 0o600 });
}

async function readRecord(stateDir: string): Promise<WrittenRecord | undefined> {
  try {
    const data = JSON.parse(await readFile(join(stateDir, RECORD_FILE), 'utf8')) as Partial<WrittenRecord>;
    return typeof data.path === 'string' && typeof data.ino === 'number' ? (data as WrittenRecord) : undefined;
  } catch {
    // No record, or a damaged one: nothing is known to be tarmac's, so nothing is cleared.
    return undefined;
  }
}
