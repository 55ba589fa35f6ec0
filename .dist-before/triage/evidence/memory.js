import { readFile } from "node:fs/promises";
import { freemem, totalmem } from "node:os";
const memoryCollector = {
  name: "memory",
  applies: () => true,
  async collect() {
    const text = await readFile("/proc/meminfo", "utf8").catch(() => void 0);
    const parsed = text === void 0 ? void 0 : parseMeminfo(text);
    const data = parsed ?? { totalBytes: totalmem(), availableBytes: freemem() };
    const raw = text === void 0 ? `os.totalmem() ${data.totalBytes}, os.freemem() ${data.availableBytes}
` : `${text.split("\n").slice(0, 5).join("\n")}
`;
    return { data, raw };
  }
};
function parseMeminfo(text) {
  const kib = (key) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text);
    return m?.[1] === void 0 ? void 0 : Number(m[1]) * 1024;
  };
  const total = kib("MemTotal");
  if (total === void 0) return void 0;
  const available = kib("MemAvailable") ?? (kib("MemFree") ?? 0) + (kib("Cached") ?? 0);
  return { totalBytes: total, availableBytes: available };
}
export {
  memoryCollector,
  parseMeminfo
};
//# sourceMappingURL=memory.js.map
