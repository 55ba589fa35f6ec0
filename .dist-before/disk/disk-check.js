import { DEFAULT_MIN_FREE_BYTES } from "../config/disk-schema.js";
import { formatSize } from "../config/size.js";
import { diskMounts } from "./guard.js";
async function checkDiskSpace(engine, processEnv, minFreeBytes = DEFAULT_MIN_FREE_BYTES, signal) {
  const { mounts, notes } = await diskMounts(engine, processEnv, signal);
  const ok = mounts.length > 0 && mounts.every((m) => m.freeBytes >= minFreeBytes);
  const parts = mounts.map(
    (m) => `${m.label} ${m.path} ${formatSize(m.freeBytes)} free${m.freeBytes < minFreeBytes ? " (LOW)" : ""}`
  );
  return {
    ok,
    line: `${[...parts, ...notes.map((n) => n.replace(/^disk: /, ""))].join(", ")} (want ${formatSize(minFreeBytes)})`,
    mounts
  };
}
export {
  checkDiskSpace
};
//# sourceMappingURL=disk-check.js.map
