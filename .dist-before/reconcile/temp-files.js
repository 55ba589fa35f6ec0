import { lstat, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const TEMP_FILE = /^tarmac-(\d{8}-\d{6}-[0-9a-f]{4})-(?:kind-.+\.tar|apply-.+\.json|containerfile-[0-9a-f]{8})$/;
function tempFileRun(name) {
  return TEMP_FILE.exec(name)?.[1];
}
async function sweepTempFiles(deadRuns, dir = tmpdir()) {
  if (deadRuns.size === 0) return [];
  const removed = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const run = tempFileRun(name);
    if (run === void 0 || !deadRuns.has(run)) continue;
    const path = join(dir, name);
    const stat = await lstat(path).catch(() => void 0);
    if (!stat?.isFile()) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
export {
  sweepTempFiles,
  tempFileRun
};
//# sourceMappingURL=temp-files.js.map
