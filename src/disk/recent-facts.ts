// What the disk guard last learned from the engine (where its storage is, the env's image sizes), kept in
// `.tarmac/disk-facts.json` so a warm run measures free space (statfs, no engine call) against a recent need.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ImageInfo } from '../engines/types.js';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private.js';
import type { MountCheck } from './assess.js';

/** How old engine facts may be and still be used: builds in between change image sizes only a little. */
export const DISK_FACTS_MAX_AGE_MS = 10 * 60_000;

export interface DiskFacts {
  at: number;
  /** Which engine and storage they describe (see factsScope); facts of another are never used. */
  scope: string;
  /** The paths measured (engine storage, temp), as the engine last named them. */
  paths: Pick<MountCheck, 'label' | 'path'>[];
  /** The env's own tarmac images: the expected need. */
  images: ImageInfo[];
}

/** The engine and storage settings the facts hold for: another endpoint or storage.conf makes them another's. */
export function factsScope(engine: { name: string; endpoint: string }, processEnv: NodeJS.ProcessEnv): string {
  const vars = ['CONTAINERS_STORAGE_CONF', 'CONTAINERS_CONF', 'CONTAINER_HOST', 'DOCKER_HOST'];
  return JSON.stringify([engine.name, engine.endpoint, ...vars.map((v) => processEnv[v] ?? '')]);
}

/** A fact taken `at` is still usable `now`: at most DISK_FACTS_MAX_AGE_MS old, and not from the future. */
export function isRecent(at: unknown, now: number): boolean {
  if (typeof at !== 'number') return false;
  const age = now - at;
  return age >= 0 && age <= DISK_FACTS_MAX_AGE_MS;
}

/** The facts in `file` for `scope` when at most DISK_FACTS_MAX_AGE_MS old (and not from the future); else undefined. */
export function recentDiskFacts(file: string, scope: string, now: number): DiskFacts | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const facts = JSON.parse(readFileSync(file, 'utf8')) as DiskFacts;
    return facts.scope === scope && isRecent(facts.at, now) && Array.isArray(facts.paths) && Array.isArray(facts.images)
      ? facts
      : undefined;
  } catch {
    // Unreadable: the engine is asked again, as without a file.
    return undefined;
  }
}

/** Writes the facts atomically. */
export function writeDiskFacts(file: string, facts: DiskFacts): void {
  makePrivateDir(dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(facts)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file);
}
