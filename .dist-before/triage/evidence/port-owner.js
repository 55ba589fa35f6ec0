import { readdir, readFile, readlink } from "node:fs/promises";
function listeningInodes(procNetTcp, port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const out = [];
  for (const line of procNetTcp.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A" && f[9] !== void 0 && f[9] !== "0") out.push(f[9]);
  }
  return out;
}
async function portOwner(port) {
  const tables = await Promise.all(["/proc/net/tcp", "/proc/net/tcp6"].map((f) => readFile(f, "utf8").catch(() => "")));
  const inodes = new Set(tables.flatMap((t) => listeningInodes(t, port)));
  if (inodes.size === 0) return void 0;
  const pids = (await readdir("/proc").catch(() => [])).filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode !== void 0 && inodes.has(inode)) {
        const comm = (await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "?")).trim();
        return `${comm} (pid ${pid})`;
      }
    }
  }
  return void 0;
}
export {
  listeningInodes,
  portOwner
};
//# sourceMappingURL=port-owner.js.map
