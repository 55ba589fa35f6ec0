import { classifyContainer } from "./classify-container.js";
const EVENT_EVIDENCE = 5;
function classifyPod(pod) {
  const verdict = (state, reason, detail, logs = []) => ({
    pod: pod.name,
    state,
    reason,
    detail,
    evidence: evidence(pod, logs)
  });
  const fromFinding = (f) => ({
    ...verdict(f.state, f.reason, f.detail, f.logs),
    ...f.exitCode === void 0 ? {} : { exitCode: f.exitCode }
  });
  if (pod.phase === "Succeeded") return verdict("ready", "Completed", "pod ran to completion");
  const findings = containerFindings(pod);
  const failed = findings.find((f) => f.state === "failed");
  if (failed) return fromFinding(failed);
  if (pod.phase === "Failed") {
    if (pod.reason === "Evicted") return verdict("waiting", "Evicted", pod.message ?? "pod was evicted");
    return verdict("failed", pod.reason ?? "PodFailed", pod.message ?? "pod failed");
  }
  const scheduled = pod.conditions.find((c) => c.type === "PodScheduled");
  if (scheduled?.status === "False") {
    return verdict(
      "waiting",
      scheduled.reason ?? "Unschedulable",
      scheduled.message ?? "the scheduler has not placed the pod yet"
    );
  }
  const waiting = findings[0];
  if (waiting) return fromFinding(waiting);
  if (pod.phase === "Pending") return verdict("waiting", "Pending", conditionMessage(pod) ?? "pod is pending");
  if (pod.phase === "Unknown")
    return verdict("waiting", "Unknown", pod.message ?? "the node stopped reporting the pod");
  if (isReady(pod)) return verdict("ready", "Ready", "pod is ready");
  return notReady(pod, verdict);
}
function containerFindings(pod) {
  const init = (pod.initContainers ?? []).map((c) => classifyContainer(c, pod, true));
  const main = pod.containers.map((c) => classifyContainer(c, pod, false));
  return [...init, ...main].filter((f) => f !== void 0);
}
function isReady(pod) {
  const ready = pod.conditions.find((c) => c.type === "Ready");
  if (ready) return ready.status === "True";
  return pod.containers.length > 0 && pod.containers.every((c) => c.ready);
}
function notReady(pod, verdict) {
  const probe = [...pod.events ?? []].reverse().find((e) => e.reason === "Unhealthy" && /^(Readiness|Startup) probe failed/.test(e.message));
  if (probe)
    return verdict(
      "waiting",
      probe.message.startsWith("Startup") ? "StartupProbeFailing" : "ReadinessProbeFailing",
      probe.message
    );
  const unready = pod.containers.filter((c) => !c.ready).map((c) => c.name);
  const detail = conditionMessage(pod) ?? (unready.length > 0 ? `containers with unready status: [${unready.join(" ")}]` : "pod is not ready");
  return verdict("waiting", "NotReady", detail);
}
function conditionMessage(pod) {
  const cond = pod.conditions.find((c) => c.status !== "True" && c.message);
  return cond?.message;
}
function evidence(pod, logs) {
  const warnings = (pod.events ?? []).filter((e) => e.type === "Warning").slice(-EVENT_EVIDENCE);
  return [...warnings.map((e) => `${e.reason}: ${e.message}`), ...logs.map((line) => `log: ${line}`)];
}
export {
  classifyPod
};
//# sourceMappingURL=classify-pod.js.map
