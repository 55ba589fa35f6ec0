import { existsSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { RawLog } from "./raw-log.js";
const INFO_WAIT_MS = 2500;
const diskCollector = {
  name: "disk",
  applies: () => true,
  async collect(ctx) {
    const raw = new RawLog();
    const { graphRoot, tmpDir } = await storagePaths(ctx);
    const wanted = [
      { label: "engine storage", path: graphRoot },
      { label: "temp", path: tmpdir() }
    ];
    if (tmpDir && tmpDir !== tmpdir()) wanted.push({ label: "temp", path: tmpDir });
    if (ctx.env) wanted.push({ label: "state", path: ctx.env.stateDir });
    const mounts = [];
    for (const { label, path } of wanted) {
      const at = existing(path);
      const stats = await statfs(at);
      const mount = { label, path, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
      raw.note(
        `statfs ${at}${at === path ? "" : ` (for ${path})`}: ${mount.freeBytes} bytes free of ${mount.totalBytes}`
      );
      mounts.push(mount);
    }
    return { data: { mounts }, raw: raw.text() };
  }
};
async function storagePaths(ctx) {
  let timer;
  const giveUp = new Promise((resolve) => timer = setTimeout(() => resolve(void 0), INFO_WAIT_MS));
  try {
    const info = await Promise.race([ctx.engineInfo().catch(() => void 0), giveUp]);
    const tmp = info?.raw?.store?.imageCopyTmpDir;
    if (info?.storageRoot) return { graphRoot: info.storageRoot, ...typeof tmp === "string" ? { tmpDir: tmp } : {} };
  } finally {
    clearTimeout(timer);
  }
  return { graphRoot: defaultGraphRoot(ctx.engine?.name ?? "podman", process.getuid?.() === 0) };
}
function defaultGraphRoot(engine, root) {
  if (engine === "docker") return "/var/lib/docker";
  return root ? "/var/lib/containers/storage" : join(homedir(), ".local/share/containers/storage");
}
function existing(path) {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}
export {
  defaultGraphRoot,
  diskCollector
};
//# sourceMappingURL=disk.js.map
