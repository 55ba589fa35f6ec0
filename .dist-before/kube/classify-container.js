const PERMANENT_WAITING = /* @__PURE__ */ new Set([
  "ImagePullBackOff",
  "ErrImageNeverPull",
  "InvalidImageName",
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "RunContainerError"
]);
const QUIET_REASONS = {
  ContainerCreating: "is being created",
  PodInitializing: "waits for the init containers"
};
function classifyContainer(c, pod, init) {
  const what = `${init ? "init container" : "container"} ${c.name}`;
  if ("waiting" in c.state) {
    const { reason, message } = c.state.waiting;
    if (reason === "CrashLoopBackOff") return crashLoop(c, what);
    const detail = message ? `${what}: ${message}` : `${what} ${QUIET_REASONS[reason] ?? `is waiting (${reason})`}`;
    return { state: PERMANENT_WAITING.has(reason) ? "failed" : "waiting", reason, detail, logs: [] };
  }
  if ("terminated" in c.state) {
    const { exitCode, reason, message } = c.state.terminated;
    if (exitCode === 0) return void 0;
    const how = `${what} exited with code ${exitCode}${reason ? ` (${reason})` : ""}${message ? `: ${message.trim()}` : ""}`;
    if (pod.restartPolicy === "Never" || pod.phase === "Failed")
      return { state: "failed", reason: "ContainerFailed", detail: how, logs: c.logTail ?? [], exitCode };
    return { state: "waiting", reason: "Restarting", detail: `${how}; restarting`, logs: c.logTail ?? [], exitCode };
  }
  if (init && "running" in c.state)
    return { state: "waiting", reason: "Initializing", detail: `${what} is running`, logs: [] };
  return void 0;
}
function crashLoop(c, what) {
  const last = c.lastState !== void 0 && "terminated" in c.lastState ? c.lastState.terminated : void 0;
  const exit = last ? `last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ""}` : "no exit code recorded";
  const restarts = `${c.restartCount} restart${c.restartCount === 1 ? "" : "s"}`;
  return {
    state: "failed",
    reason: "CrashLoopBackOff",
    detail: `${what} keeps crashing: ${exit}, ${restarts}`,
    logs: c.logTail ?? [],
    ...last ? { exitCode: last.exitCode } : {}
  };
}
export {
  classifyContainer
};
//# sourceMappingURL=classify-container.js.map
