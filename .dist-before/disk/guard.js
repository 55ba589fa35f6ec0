import { tmpdir } from "node:os";
import { DEFAULT_MIN_FREE_BYTES } from "../config/disk-schema.js";
import { formatSize } from "../config/size.js";
import { assessDisk, danglingOlderThan } from "./assess.js";
import { freeSpace } from "./free-space.js";
import { listTarmacImages } from "./tarmac-images.js";
import { factsScope, recentDiskFacts, writeDiskFacts } from "./recent-facts.js";
const REUSE_MARGIN = 2;
function tempDir(processEnv) {
  return processEnv.TMPDIR && processEnv.TMPDIR !== "" ? processEnv.TMPDIR : tmpdir();
}
async function diskMounts(engine, processEnv, signal) {
  const paths = [];
  const info = await engine.info(signal);
  if (info.storageRoot && !info.remote) paths.push({ label: "engine storage", path: info.storageRoot });
  paths.push({ label: "temp", path: tempDir(processEnv) });
  return measureMounts(paths);
}
async function measureMounts(paths) {
  const notes = [];
  const mounts = [];
  for (const p of paths) {
    try {
      mounts.push({ ...p, freeBytes: (await freeSpace(p.path)).freeBytes });
    } catch (err) {
      notes.push(`disk: could not measure ${p.label} ${p.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { mounts, notes };
}
async function diskGuard(deps) {
  const now = deps.now ?? Date.now();
  const minFreeBytes = deps.disk?.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
  const olderThan = deps.disk?.pruneDanglingOlderThanMs;
  const scope = factsScope(deps.engine, deps.processEnv);
  const recent = olderThan === void 0 && deps.factsFile ? recentDiskFacts(deps.factsFile, scope, now) : void 0;
  if (recent) {
    const fast = await withRecentFacts(deps, recent, minFreeBytes, now);
    if (fast) return fast;
  }
  const everything = olderThan !== void 0;
  const [listed, early] = await Promise.all([
    listTarmacImages(deps.engine, deps.signal, everything ? void 0 : deps.envName),
    everything ? void 0 : diskMounts(deps.engine, deps.processEnv, deps.signal)
  ]);
  let images = listed;
  const pruned = [];
  const notes = [];
  if (olderThan !== void 0) {
    const old = danglingOlderThan(images, olderThan, now);
    for (const image of old) {
      try {
        await deps.engine.removeImage(image.id, deps.signal);
        pruned.push(image.id);
      } catch (err) {
        notes.push(
          `disk: could not prune ${image.id.slice(0, 12)}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`
        );
      }
    }
    if (pruned.length > 0) {
      const freed = old.filter((i) => pruned.includes(i.id)).reduce((s, i) => s + i.sizeBytes, 0);
      notes.push(
        `disk: pruned ${pruned.length} dangling tarmac image(s) older than the disk.prune policy (${formatSize(freed)}): ${pruned.map((id) => id.slice(0, 12)).join(" ")}`
      );
      images = images.filter((i) => !pruned.includes(i.id));
    }
  }
  const measured = early ?? await diskMounts(deps.engine, deps.processEnv, deps.signal);
  notes.push(...measured.notes);
  const assess = (tarmacImages) => assessDisk({
    envName: deps.envName,
    imageNames: deps.imageNames,
    engineBin: deps.engine.name,
    mounts: measured.mounts,
    minFreeBytes,
    tarmacImages,
    now,
    ...deps.historySizes ? { historySizes: deps.historySizes } : {}
  });
  let assessment = assess(images);
  if (assessment.lines.length > 0 && !everything) assessment = assess(await listTarmacImages(deps.engine, deps.signal));
  if (deps.factsFile && !everything && measured.notes.length === 0)
    writeDiskFacts(deps.factsFile, {
      at: now,
      scope,
      paths: measured.mounts.map(({ label, path }) => ({ label, path })),
      images
    });
  return { ...assessment, mounts: measured.mounts, pruned, notes };
}
async function withRecentFacts(deps, facts, minFreeBytes, now) {
  const storage = facts.paths.filter((p) => p.label === "engine storage");
  const measured = await measureMounts([...storage, { label: "temp", path: tempDir(deps.processEnv) }]);
  if (measured.notes.length > 0) return void 0;
  const assessment = assessDisk({
    envName: deps.envName,
    imageNames: deps.imageNames,
    engineBin: deps.engine.name,
    mounts: measured.mounts,
    minFreeBytes,
    tarmacImages: facts.images,
    now,
    ...deps.historySizes ? { historySizes: deps.historySizes } : {}
  });
  if (measured.mounts.some((m) => m.freeBytes < assessment.needBytes * REUSE_MARGIN)) return void 0;
  return { ...assessment, mounts: measured.mounts, pruned: [], notes: [] };
}
export {
  diskGuard,
  diskMounts,
  tempDir
};
//# sourceMappingURL=guard.js.map
