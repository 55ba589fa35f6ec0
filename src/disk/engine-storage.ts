// Where the engine keeps its images, as it last said, shared by every project on this host for a few minutes.
// Why: asking (`podman info`) costs about a second of CPU, and a first `up` of each checkout would ask again for a
// host fact that did not change. Kept in the temp dir under tarmac's own name, per user, and trusted only when that
// user owns the file and it describes the same engine and storage settings.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerEngine } from '../engines/types.js';
import { PRIVATE_FILE_MODE } from '../files/private.js';
import { factsScope, isRecent } from './recent-facts.js';

export interface EngineStorage {
  /** The image storage path (podman Store.GraphRoot); absent when the engine does not say. */
  storageRoot?: string;
  remote: boolean;
}

interface StoredAnswer extends EngineStorage {
  at: number;
  scope: string;
}

/** The file of the current user in `tempDir`. */
export function engineStorageFile(tempDir: string): string {
  return join(tempDir, `tarmac-engine-storage-${process.getuid?.() ?? 'user'}.json`);
}

/** The engine's storage: a recent answer from `file`, else `engine.info()` (then kept in `file`, best effort). */
export async function engineStorage(
  engine: ContainerEngine,
  processEnv: NodeJS.ProcessEnv,
  file: string,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<EngineStorage> {
  const scope = factsScope(engine, processEnv);
  const kept = readRecent(file, scope, now);
  if (kept) return kept;
  const info = await engine.info(signal);
  const answer: EngineStorage = { remote: info.remote, ...(info.storageRoot ? { storageRoot: info.storageRoot } : {}) };
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ ...answer, at: now, scope } satisfies StoredAnswer)}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
    renameSync(tmp, file);
  } catch {
    // Only a saving: the next run asks the engine again.
  }
  return answer;
}

// The kept answer when this user wrote it for `scope` recently (isRecent); else undefined.
function readRecent(file: string, scope: string, now: number): EngineStorage | undefined {
  try {
    // Another user could have placed the file in a shared temp dir: only our own is believed.
    if (process.getuid && statSync(file).uid !== process.getuid()) return undefined;
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredAnswer>;
    if (kept.scope !== scope || !isRecent(kept.at, now) || typeof kept.remote !== 'boolean') return undefined;
    return { remote: kept.remote, ...(typeof kept.storageRoot === 'string' ? { storageRoot: kept.storageRoot } : {}) };
  } catch {
    return undefined;
  }
}
