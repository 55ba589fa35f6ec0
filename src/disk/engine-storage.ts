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
}

/** At most this many engine settings are kept: enough for a few stores side by side, never a growing file. */
const MAX_SCOPES = 8;

/** The file of the current user in `tempDir`. */
export function engineStorageFile(tempDir: string): string {
  return join(tempDir, `tarmac-engine-storage-${process.getuid?.() ?? 'user'}.json`);
}

/**
 * The engine's storage: a recent answer from `file`, else `engine.info()` (then kept in `file`, best effort).
 * The file keeps one answer per engine and storage settings (factsScope): runs with different settings side by side
 * (another store, another endpoint) would otherwise evict each other's answer and ask every time.
 */
export async function engineStorage(
  engine: ContainerEngine,
  processEnv: NodeJS.ProcessEnv,
  file: string,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<EngineStorage> {
  const scope = factsScope(engine, processEnv);
  const kept = readKept(file, now);
  const recent = kept[scope];
  if (recent) return { remote: recent.remote, ...(recent.storageRoot ? { storageRoot: recent.storageRoot } : {}) };
  const info = await engine.info(signal);
  const answer: EngineStorage = { remote: info.remote, ...(info.storageRoot ? { storageRoot: info.storageRoot } : {}) };
  // The newest MAX_SCOPES answers, this one first.
  const entries: [string, StoredAnswer][] = [[scope, { ...answer, at: now }], ...Object.entries(kept)];
  entries.sort(([, a], [, b]) => b.at - a.at);
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(Object.fromEntries(entries.slice(0, MAX_SCOPES)))}\n`, {
      mode: PRIVATE_FILE_MODE,
    });
    renameSync(tmp, file);
  } catch {
    // Only a saving: the next run asks the engine again.
  }
  return answer;
}

// The recent, well-formed answers this user wrote, by scope; empty when there is no such file.
function readKept(file: string, now: number): Record<string, StoredAnswer> {
  try {
    // Another user could have placed the file in a shared temp dir: only our own is believed.
    if (process.getuid && statSync(file).uid !== process.getuid()) return {};
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const kept: Record<string, StoredAnswer> = {};
    for (const [scope, value] of Object.entries(parsed as Record<string, Partial<StoredAnswer>>)) {
      if (typeof value !== 'object' || value === null) continue;
      if (!isRecent(value.at, now) || typeof value.remote !== 'boolean') continue;
      const storageRoot = typeof value.storageRoot === 'string' ? { storageRoot: value.storageRoot } : {};
      kept[scope] = { remote: value.remote, at: value.at as number, ...storageRoot };
    }
    return kept;
  } catch {
    return {};
  }
}
