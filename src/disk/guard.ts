// The disk guard before a build: prune by policy, measure free space at the engine's storage and
// at temp, and warn (never fail) when it is below the expected need.
import { tmpdir } from 'node:os';
import type { ContainerEngine } from '../engines/types.js';
import { DEFAULT_MIN_FREE_BYTES } from '../config/disk-schema.js';
import { formatSize } from '../config/size.js';
import { assessDisk, danglingOlderThan, type DiskAssessment, type MountCheck } from './assess.js';
import { freeSpace } from './free-space.js';
import { listTarmacImages } from './tarmac-images.js';
import { engineStorage, engineStorageFile } from './engine-storage.js';
import { factsScope, recentDiskFacts, writeDiskFacts, type DiskFacts } from './recent-facts.js';

export interface DiskGuardDeps {
  envName: string;
  imageNames: string[];
  disk?: { minFreeBytes: number; pruneDanglingOlderThanMs?: number };
  engine: ContainerEngine;
  processEnv: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  historySizes?: ReadonlyMap<string, number>;
  now?: number;
  /**
   * Where the engine facts of the last check are kept (`.tarmac/disk-facts.json`). Without a prune policy, recent
   * facts replace the engine calls; free space is still measured now. Absent: the engine is always asked.
   */
  factsFile?: string;
}

// Recent facts are trusted only with room to spare: image sizes may have grown since they were listed.
const REUSE_MARGIN = 2;

export interface DiskGuardResult extends DiskAssessment {
  mounts: MountCheck[];
  /** Ids the prune policy removed. */
  pruned: string[];
  /** Lines to show even when space is fine (what was pruned, what could not be measured). */
  notes: string[];
}

/** Where tarmac and the engine write temporary files (image archives): TMPDIR, else the OS default. */
export function tempDir(processEnv: NodeJS.ProcessEnv): string {
  return processEnv.TMPDIR && processEnv.TMPDIR !== '' ? processEnv.TMPDIR : tmpdir();
}

/** Free space at the engine's image storage (podman Store.GraphRoot) and at temp; the storage is absent when the engine does not say (remote). */
export async function diskMounts(
  engine: ContainerEngine,
  processEnv: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<{ mounts: MountCheck[]; notes: string[] }> {
  const paths: { label: MountCheck['label']; path: string }[] = [];
  const info = await engineStorage(engine, processEnv, engineStorageFile(tempDir(processEnv)), signal, now);
  // A remote engine's storage is on another machine: its path means nothing here.
  // Silent otherwise: a remote engine is normal, and its own disk shows in triage's evidence.
  if (info.storageRoot && !info.remote) paths.push({ label: 'engine storage', path: info.storageRoot });
  paths.push({ label: 'temp', path: tempDir(processEnv) });
  return measureMounts(paths);
}

// statfs of each path; a path that cannot be measured is a note, not an error.
async function measureMounts(
  paths: readonly Pick<MountCheck, 'label' | 'path'>[],
): Promise<{ mounts: MountCheck[]; notes: string[] }> {
  const notes: string[] = [];
  const mounts: MountCheck[] = [];
  for (const p of paths) {
    try {
      mounts.push({ ...p, freeBytes: (await freeSpace(p.path)).freeBytes });
    } catch (err) {
      notes.push(`disk: could not measure ${p.label} ${p.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { mounts, notes };
}

/** Runs the prune policy, then the free-space check; throws only engine errors (the caller decides). */
export async function diskGuard(deps: DiskGuardDeps): Promise<DiskGuardResult> {
  const now = deps.now ?? Date.now();
  const minFreeBytes = deps.disk?.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  const olderThan = deps.disk?.pruneDanglingOlderThanMs;
  const scope = factsScope(deps.engine, deps.processEnv);
  const recent = olderThan === undefined && deps.factsFile ? recentDiskFacts(deps.factsFile, scope, now) : undefined;
  if (recent) {
    const fast = await withRecentFacts(deps, recent, minFreeBytes, now);
    if (fast) return fast;
  }
  // Every tarmac image on the host only when pruning or warning needs them: inspecting them all costs
  // about a second on a busy host, a third of a warm `up`. This env's own images give the expected need.
  const everything = olderThan !== undefined;
  // Without a prune policy nothing frees space before it is measured: list and measure at once.
  const [listed, early] = await Promise.all([
    listTarmacImages(deps.engine, deps.signal, everything ? undefined : deps.envName),
    everything ? undefined : diskMounts(deps.engine, deps.processEnv, deps.signal, now),
  ]);
  let images = listed;
  const pruned: string[] = [];
  const notes: string[] = [];
  if (olderThan !== undefined) {
    const old = danglingOlderThan(images, olderThan, now);
    for (const image of old) {
      // One by one: an image a container still uses must not stop the others from going.
      try {
        await deps.engine.removeImage(image.id, deps.signal);
        pruned.push(image.id);
      } catch (err) {
        notes.push(
          `disk: could not prune ${image.id.slice(0, 12)}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        );
      }
    }
    if (pruned.length > 0) {
      const freed = old.filter((i) => pruned.includes(i.id)).reduce((s, i) => s + i.sizeBytes, 0);
      notes.push(
        `disk: pruned ${pruned.length} dangling tarmac image(s) older than the disk.prune policy (${formatSize(freed)}): ${pruned.map((id) => id.slice(0, 12)).join(' ')}`,
      );
      images = images.filter((i) => !pruned.includes(i.id));
    }
  }
  const measured = early ?? (await diskMounts(deps.engine, deps.processEnv, deps.signal, now));
  notes.push(...measured.notes);
  const assess = (tarmacImages: typeof images) =>
    assessDisk({
      envName: deps.envName,
      imageNames: deps.imageNames,
      engineBin: deps.engine.name,
      mounts: measured.mounts,
      minFreeBytes,
      tarmacImages,
      now,
      ...(deps.historySizes ? { historySizes: deps.historySizes } : {}),
    });
  let assessment = assess(images);
  // Low on space: the warning names what to prune, which may be other envs' tarmac images.
  if (assessment.lines.length > 0 && !everything) assessment = assess(await listTarmacImages(deps.engine, deps.signal));
  // Only facts that measured every path: a later run trusts them to name all it must measure.
  if (deps.factsFile && !everything && measured.notes.length === 0)
    writeDiskFacts(deps.factsFile, {
      at: now,
      scope,
      paths: measured.mounts.map(({ label, path }) => ({ label, path })),
      images,
    });
  return { ...assessment, mounts: measured.mounts, pruned, notes };
}

// The check with recent engine facts: free space measured now against their need. Undefined (ask the engine, as
// without facts) unless every mount was measured and has REUSE_MARGIN times the need: a low disk is judged afresh.
async function withRecentFacts(
  deps: DiskGuardDeps,
  facts: DiskFacts,
  minFreeBytes: number,
  now: number,
): Promise<DiskGuardResult | undefined> {
  // The storage path is the engine's; temp is this process's, so it is never taken from the file.
  const storage = facts.paths.filter((p) => p.label === 'engine storage');
  const measured = await measureMounts([...storage, { label: 'temp', path: tempDir(deps.processEnv) }]);
  if (measured.notes.length > 0) return undefined;
  const assessment = assessDisk({
    envName: deps.envName,
    imageNames: deps.imageNames,
    engineBin: deps.engine.name,
    mounts: measured.mounts,
    minFreeBytes,
    tarmacImages: facts.images,
    now,
    ...(deps.historySizes ? { historySizes: deps.historySizes } : {}),
  });
  if (measured.mounts.some((m) => m.freeBytes < assessment.needBytes * REUSE_MARGIN)) return undefined;
  return { ...assessment, mounts: measured.mounts, pruned: [], notes: [] };
}
