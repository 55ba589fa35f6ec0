// Registry auth dirs a killed push or pull leaves in the temp dir (`tarmac-auth-<pid>-<6 chars>/config.json`,
// see registry/credentials.ts). They hold credentials, so the next run removes those whose process is gone.
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// mkdtemp adds six characters; only directories tarmac names this way match.
const AUTH_DIR = /^tarmac-auth-(\d+)-[A-Za-z0-9]{6}$/;

/** The pid that created an auth dir, if the name is one of tarmac's. */
export function authDirPid(name: string): number | undefined {
  const match = AUTH_DIR.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes the auth dirs of processes that no longer exist; returns the paths removed. */
export async function sweepAuthDirs(exists: (pid: number) => boolean, dir: string = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = authDirPid(name);
    // A live pid may be a push in progress (or a reused pid): left alone either way.
    if (pid === undefined || exists(pid)) continue;
    const path = join(dir, name);
    const stat = await lstat(path).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    // Only what tarmac writes there: an auth file, or nothing if it died before writing it.
    const entries = await readdir(path).catch(() => undefined);
    if (entries === undefined || entries.some((e) => e !== 'config.json')) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
