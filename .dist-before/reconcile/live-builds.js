import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
const TICKS_PER_SECOND = 100;
function liveBuildStarts(procDir = "/proc") {
  const bootMs = bootTimeMs(procDir);
  if (bootMs === void 0) return [];
  const starts = [];
  for (const entry of safeList(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = read(`${procDir}/${entry}/cmdline`)?.split("\0").filter(Boolean);
    if (argv === void 0 || !isBuild(argv)) continue;
    const stat = read(`${procDir}/${entry}/stat`);
    const ticks = stat === void 0 ? void 0 : Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    if (ticks !== void 0 && Number.isFinite(ticks)) starts.push(bootMs + ticks / TICKS_PER_SECOND * 1e3);
  }
  return starts;
}
function isBuild(argv) {
  const tool = basename(argv[0] ?? "");
  return (tool === "podman" || tool === "buildah") && argv.slice(1, 8).some((a) => a === "build" || a === "bud");
}
function bootTimeMs(procDir) {
  const line = read(`${procDir}/stat`)?.split("\n").find((l) => l.startsWith("btime "));
  const seconds = line === void 0 ? NaN : Number(line.slice("btime ".length));
  return Number.isFinite(seconds) ? seconds * 1e3 : void 0;
}
function read(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
export {
  isBuild,
  liveBuildStarts
};
//# sourceMappingURL=live-builds.js.map
