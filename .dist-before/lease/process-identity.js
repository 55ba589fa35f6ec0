import { readFileSync } from "node:fs";
function processStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const state = fields[0];
    const startTime = fields[19];
    return state !== void 0 && startTime !== void 0 ? { startTime, state } : void 0;
  } catch {
    return void 0;
  }
}
function processStartTime(pid) {
  return processStat(pid)?.startTime ?? null;
}
const isProcessAlive = (pid, startTime) => {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== "EPERM") return false;
  }
  const stat = processStat(pid);
  if (stat === void 0) return true;
  if (stat.state === "Z" || stat.state === "X") return false;
  return startTime === null || stat.startTime === startTime;
};
export {
  isProcessAlive,
  processStartTime,
  processStat
};
//# sourceMappingURL=process-identity.js.map
