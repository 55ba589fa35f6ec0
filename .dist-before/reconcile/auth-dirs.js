import { lstat, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const AUTH_DIR = /^tarmac-auth-(\d+)-[A-Za-z0-9]{6}$/;
function authDirPid(name) {
  const match = AUTH_DIR.exec(name);
  return match ? Number(match[1]) : void 0;
}
async function sweepAuthDirs(exists, dir = tmpdir()) {
  const removed = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = authDirPid(name);
    if (pid === void 0 || exists(pid)) continue;
    const path = join(dir, name);
    const stat = await lstat(path).catch(() => void 0);
    if (!stat?.isDirectory()) continue;
    const entries = await readdir(path).catch(() => void 0);
    if (entries === void 0 || entries.some((e) => e !== "config.json")) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
export {
  authDirPid,
  sweepAuthDirs
};
//# sourceMappingURL=auth-dirs.js.map
