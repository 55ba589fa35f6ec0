const processGroupsSupported = process.platform !== "win32";
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
class GroupReaper {
  constructor(exitGraceMs = 300) {
    this.exitGraceMs = exitGraceMs;
  }
  exitGraceMs;
  groups = /* @__PURE__ */ new Set();
  onExit = () => this.killAll();
  /** Registers a running group. */
  add(pgid) {
    if (this.groups.size === 0) process.on("exit", this.onExit);
    this.groups.add(pgid);
  }
  /** Forgets a group that is gone or no longer ours to kill. */
  delete(pgid) {
    if (!this.groups.delete(pgid)) return;
    if (this.groups.size === 0) process.off("exit", this.onExit);
  }
  /** SIGTERM to every group, a short grace to let them clean up, then SIGKILL to what is left. */
  killAll() {
    const alive = [...this.groups].filter((pgid) => signalGroup(pgid, "SIGTERM"));
    const deadline = Date.now() + this.exitGraceMs;
    while (alive.some((pgid) => signalGroup(pgid, 0)) && Date.now() < deadline) sleepSync(20);
    for (const pgid of alive) signalGroup(pgid, "SIGKILL");
    for (const pgid of [...this.groups]) this.delete(pgid);
  }
}
export {
  GroupReaper,
  processGroupsSupported,
  signalGroup
};
//# sourceMappingURL=process-group.js.map
