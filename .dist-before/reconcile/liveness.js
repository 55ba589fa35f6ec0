import { readFileSync } from "node:fs";
import { hostname } from "node:os";
function systemProcessProbe() {
  return {
    pid: process.pid,
    hostname: () => hostname(),
    bootId: () => readTrimmed("/proc/sys/kernel/random/boot_id"),
    exists(pid) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        return error.code === "EPERM";
      }
      const state = statFields(pid)?.[0];
      return state !== "Z" && state !== "X";
    },
    startTicks: (pid) => statFields(pid)?.[19]
  };
}
function currentIdentity(probe) {
  const bootId = probe.bootId();
  const startTicks = probe.startTicks(probe.pid);
  return {
    pid: probe.pid,
    host: probe.hostname(),
    ...bootId ? { bootId } : {},
    ...startTicks ? { startTicks } : {}
  };
}
function liveness(owner, probe) {
  if (owner.host !== probe.hostname()) return { state: "unknown", why: `it ran on host ${owner.host}` };
  const bootId = probe.bootId();
  if (owner.bootId && bootId && owner.bootId !== bootId)
    return { state: "dead", why: `tarmac (pid ${owner.pid}) ran before the host rebooted` };
  if (!probe.exists(owner.pid)) return { state: "dead", why: `tarmac (pid ${owner.pid}) is gone` };
  const ticks = owner.startTicks === void 0 ? void 0 : probe.startTicks(owner.pid);
  if (ticks !== void 0 && ticks !== owner.startTicks)
    return { state: "dead", why: `tarmac (pid ${owner.pid}) is gone; the pid now belongs to another process` };
  return { state: "alive" };
}
function statFields(pid) {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  return stat === void 0 ? void 0 : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
function readTrimmed(file) {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return void 0;
  }
}
export {
  currentIdentity,
  liveness,
  systemProcessProbe
};
//# sourceMappingURL=liveness.js.map
