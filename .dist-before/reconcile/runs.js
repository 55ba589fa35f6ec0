import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { liveness } from "./liveness.js";
import { readRunOwner } from "./owner.js";
import { eventsFile, runDir, runsRoot, stepsDir } from "../journal/run-dir.js";
const TAIL_BYTES = 16 * 1024;
const FINISHED = '"type":"run.finished"';
function scanRuns(stateDir, currentRunId, probe) {
  const root = runsRoot(stateDir);
  if (!existsSync(root)) return [];
  const records = [];
  for (const id of readdirSync(root).sort()) {
    if (id === currentRunId) continue;
    const dir = runDir(stateDir, id);
    const owner = readRunOwner(dir);
    if (!owner) continue;
    const ending = journalEnding(dir);
    records.push({
      id,
      dir,
      owner,
      liveness: liveness(owner, probe),
      finished: ending !== void 0,
      succeeded: ending?.outcome === "succeeded" && ending.abandoned !== true,
      lastSignAt: lastSign(dir, owner.startedAt)
    });
  }
  return records;
}
function journalFinished(dir) {
  return journalEnding(dir) !== void 0;
}
function journalEnding(dir) {
  const file = eventsFile(dir);
  if (!existsSync(file)) return void 0;
  const fd = openSync(file, "r");
  let tail;
  try {
    const size = statSync(file).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    tail = buffer.toString("utf8");
  } finally {
    closeSync(fd);
  }
  const at = tail.lastIndexOf(FINISHED);
  if (at < 0) return void 0;
  const line = tail.slice(tail.lastIndexOf("\n", at) + 1, (tail.indexOf("\n", at) + 1 || tail.length + 1) - 1);
  try {
    return JSON.parse(line);
  } catch {
    return {};
  }
}
function lastSign(dir, floor) {
  let newest = floor;
  const files = [eventsFile(dir)];
  const steps = stepsDir(dir);
  if (existsSync(steps)) for (const name of readdirSync(steps)) files.push(join(steps, name));
  for (const file of files) {
    try {
      newest = Math.max(newest, statSync(file).mtimeMs);
    } catch {
    }
  }
  return newest;
}
export {
  journalFinished,
  scanRuns
};
//# sourceMappingURL=runs.js.map
