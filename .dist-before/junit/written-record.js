import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
const RECORD_FILE = "junit-written.json";
async function fingerprint(path) {
  const s = await stat(path).catch(() => void 0);
  return s === void 0 || !s.isFile() ? void 0 : { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
}
function sameVersion(a, b) {
  return a !== void 0 && b !== void 0 && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}
async function clearOwnJUnit(path, stateDir) {
  const current = await fingerprint(path);
  if (current === void 0) return void 0;
  const record = await readRecord(stateDir);
  if (record?.path !== path || !sameVersion(record, current)) return current;
  await rm(path, { force: true });
  return void 0;
}
async function recordWrittenJUnit(path, stateDir) {
  const current = await fingerprint(path);
  if (current === void 0) return;
  await mkdir(stateDir, { recursive: true, mode: 448 });
  await writeFile(join(stateDir, RECORD_FILE), `${JSON.stringify({ path, ...current })}
`, { mode: 384 });
}
async function readRecord(stateDir) {
  try {
    const data = JSON.parse(await readFile(join(stateDir, RECORD_FILE), "utf8"));
    return typeof data.path === "string" && typeof data.ino === "number" ? data : void 0;
  } catch {
    return void 0;
  }
}
export {
  clearOwnJUnit,
  fingerprint,
  recordWrittenJUnit,
  sameVersion
};
//# sourceMappingURL=written-record.js.map
