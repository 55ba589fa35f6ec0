function isFailing(pod) {
  return !pod.ready && pod.phase !== "Succeeded";
}
function podFacts(view, logTail = []) {
  const containers = [...view.initContainers ?? [], ...view.containers];
  const reasons = /* @__PURE__ */ new Set();
  if (view.reason) reasons.add(view.reason);
  for (const c of view.conditions)
    if (c.status === "False" && c.reason === "Unschedulable") reasons.add("Unschedulable");
  for (const c of containers) for (const r of containerReasons(c)) reasons.add(r);
  return {
    name: view.name,
    phase: view.phase,
    ready: view.phase === "Succeeded" || view.containers.length > 0 && view.containers.every((c) => c.ready),
    restarts: containers.reduce((sum, c) => sum + c.restartCount, 0),
    reasons: [...reasons],
    images: [...new Set(view.containers.map((c) => c.image))],
    events: (view.events ?? []).filter((e) => e.type !== "Normal").map((e) => `${e.reason}: ${e.message}`).slice(-10),
    logTail: logTail.length > 0 ? logTail : containers.flatMap((c) => c.logTail ?? []).slice(-20)
  };
}
function containerReasons(c) {
  const out = stateReasons(c.state);
  if (c.lastState && c.restartCount > 0) out.push(...stateReasons(c.lastState));
  return out;
}
function stateReasons(state) {
  if ("waiting" in state) return [state.waiting.reason];
  if ("terminated" in state) {
    const t = state.terminated;
    const out = t.reason && t.reason !== "Completed" && t.reason !== "Error" ? [t.reason] : [];
    if (t.exitCode !== 0) out.push(`exit ${t.exitCode}`);
    return out;
  }
  return [];
}
export {
  isFailing,
  podFacts
};
//# sourceMappingURL=pod-facts.js.map
