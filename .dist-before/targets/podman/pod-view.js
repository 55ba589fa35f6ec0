import { LABEL_WORKLOAD, LABEL_WORKLOAD_KIND } from "./names.js";
const CRASH_RESTARTS = 3;
const CRASH_WINDOW_MS = 1e4;
const STABLE_MS = 2e3;
function containerName(record, podName) {
  return record.name.startsWith(`${podName}-`) ? record.name.slice(podName.length + 1) : record.name;
}
function isCrashLooping(record, now) {
  if (record.restartPolicy !== "always" && record.restartPolicy !== "on-failure") return false;
  if (record.restartCount < CRASH_RESTARTS) return false;
  return record.status !== "running" || runningFor(record, now) < CRASH_WINDOW_MS;
}
function runningFor(record, now) {
  const started = record.startedAt ? Date.parse(record.startedAt) : Number.NaN;
  return Number.isNaN(started) ? 0 : now - started;
}
function toContainerView(record, podName, extras, now) {
  const name = containerName(record, podName);
  const base = {
    name,
    image: record.image,
    restartCount: record.restartCount,
    ...extras.logTail ? { logTail: extras.logTail } : {}
  };
  const lastExit = extras.lastExitCode ?? (record.status === "running" ? void 0 : record.exitCode);
  const lastState = record.restartCount > 0 && lastExit !== void 0 ? { terminated: { exitCode: lastExit, reason: exitReason(lastExit, record.oomKilled) } } : void 0;
  if (isCrashLooping(record, now)) {
    const message = `back-off restarting failed container ${name} in pod ${podName}`;
    return {
      ...base,
      ready: false,
      state: { waiting: { reason: "CrashLoopBackOff", message } },
      ...lastState ? { lastState } : {}
    };
  }
  const state = currentState(record);
  const ready = record.status === "running" && (extras.probe ? extras.probe.ready : runningFor(record, now) >= STABLE_MS);
  return { ...base, ready, state, ...lastState ? { lastState } : {} };
}
function currentState(record) {
  switch (record.status) {
    case "running":
      return { running: record.startedAt ? { startedAt: record.startedAt } : {} };
    case "exited":
    case "stopped":
      return {
        terminated: {
          exitCode: record.exitCode,
          reason: exitReason(record.exitCode, record.oomKilled),
          ...record.error ? { message: record.error } : {}
        }
      };
    case "created":
    case "configured":
    case "initialized":
      return {
        waiting: record.error ? { reason: "RunContainerError", message: record.error } : { reason: "ContainerCreating" }
      };
    case "paused":
      return { waiting: { reason: "Paused", message: "the container is paused (podman pause)" } };
    default:
      return {};
  }
}
function exitReason(exitCode, oomKilled) {
  if (oomKilled) return "OOMKilled";
  return exitCode === 0 ? "Completed" : "Error";
}
function toPodView(pod, containers, extras, now) {
  const views = containers.map((c) => toContainerView(c, pod.name, extras.get(c.id) ?? {}, now));
  const unready = views.filter((v) => !v.ready).map((v) => v.name);
  const ready = views.length > 0 && unready.length === 0;
  const notReady = { reason: "ContainersNotReady", message: `containers with unready status: [${unready.join(" ")}]` };
  const events = [];
  for (const container of containers) {
    const probe = extras.get(container.id)?.probe;
    if (probe && !probe.ready && probe.message)
      events.push({ type: "Warning", reason: "Unhealthy", message: probe.message });
  }
  for (const view of views) {
    if ("waiting" in view.state && view.state.waiting.reason === "CrashLoopBackOff")
      events.push({ type: "Warning", reason: "BackOff", message: view.state.waiting.message ?? "" });
  }
  const kind = pod.labels[LABEL_WORKLOAD_KIND];
  const workload = pod.labels[LABEL_WORKLOAD];
  const policy = restartPolicyOf(containers);
  return {
    // A bare Pod keeps its manifest name (waiting for a Pod matches by name); others show podman's pod name.
    name: kind === "Pod" && workload ? workload : pod.name,
    ...kind && workload ? { owner: { kind, name: workload } } : {},
    phase: phaseOf(containers, views),
    ...policy ? { restartPolicy: policy } : {},
    conditions: [
      { type: "PodScheduled", status: "True" },
      { type: "Initialized", status: "True" },
      { type: "ContainersReady", status: ready ? "True" : "False", ...ready ? {} : notReady },
      { type: "Ready", status: ready ? "True" : "False", ...ready ? {} : notReady }
    ],
    containers: views,
    ...events.length > 0 ? { events } : {}
  };
}
function phaseOf(containers, views) {
  if (views.length === 0) return "Pending";
  const done = containers.every((c) => ended(c) && !willRestart(c));
  if (done) return containers.every((c) => c.exitCode === 0) ? "Succeeded" : "Failed";
  if (containers.some((c) => c.status === "running" || c.restartCount > 0 || ended(c))) return "Running";
  return "Pending";
}
function restartPolicyOf(containers) {
  const name = containers[0]?.restartPolicy;
  if (name === void 0) return void 0;
  return name === "always" ? "Always" : name === "on-failure" ? "OnFailure" : "Never";
}
function ended(c) {
  return c.status === "exited" || c.status === "stopped";
}
function willRestart(c) {
  return c.restartPolicy === "always" || c.restartPolicy === "on-failure" && c.exitCode !== 0;
}
export {
  CRASH_RESTARTS,
  CRASH_WINDOW_MS,
  STABLE_MS,
  containerName,
  isCrashLooping,
  toContainerView,
  toPodView
};
//# sourceMappingURL=pod-view.js.map
