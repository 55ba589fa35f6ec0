import { classifyPod } from "./classify-pod.js";
import { runsPods } from "./pod-specs.js";
function workloadName(ref) {
  return `${ref.kind}/${ref.name}${ref.namespace ? ` (${ref.namespace})` : ""}`;
}
function waitsForCondition(ref) {
  return ref.condition !== void 0 && !runsPods(ref.kind);
}
function workloadStatuses(waitFor, pods, expected = /* @__PURE__ */ new Map(), conditions = /* @__PURE__ */ new Map()) {
  return waitFor.map((ref) => {
    if (waitsForCondition(ref)) return conditionStatus(ref, conditions.get(`${ref.kind}/${ref.name}`));
    const verdicts = pods.filter((pod) => belongsTo(pod, ref)).map(classifyPod);
    const readyPods = verdicts.filter((v) => v.state === "ready").length;
    const base = { ref, pods: verdicts.length, readyPods };
    const want = expected.get(`${ref.kind}/${ref.name}`);
    const ready = (detail) => ({
      ...base,
      state: "ready",
      reason: "Ready",
      detail,
      evidence: []
    });
    if (want?.count === 0) return ready("0 pods wanted");
    const completed = verdicts.filter((v) => v.reason === "Completed").length;
    if (want?.completions && completed >= want.count) return ready(`${completed}/${want.count} pods completed`);
    if (verdicts.length === 0)
      return { ...base, state: "waiting", reason: "NoPods", detail: "no pods yet", evidence: [] };
    const worst = verdicts.find((v) => v.state === "failed") ?? verdicts.find((v) => v.state === "waiting");
    if (worst)
      return {
        ...base,
        state: worst.state,
        reason: worst.reason,
        detail: worst.detail,
        pod: worst.pod,
        ...worst.exitCode === void 0 ? {} : { exitCode: worst.exitCode },
        evidence: worst.evidence
      };
    if (want && readyPods < want.count)
      return {
        ...base,
        state: "waiting",
        reason: "ReplicasNotReady",
        detail: `${readyPods}/${want.count} pods ${want.completions ? "completed" : "ready"}`,
        evidence: []
      };
    return ready(`${readyPods}/${want?.count ?? verdicts.length} pods ${want?.completions ? "completed" : "ready"}`);
  });
}
function conditionStatus(ref, reading) {
  const base = { ref, pods: 0, readyPods: 0, evidence: [] };
  if (!reading)
    return { ...base, state: "waiting", reason: "ConditionUnknown", detail: `${ref.condition}: not read yet` };
  if (reading.status === "True")
    return { ...base, state: "ready", reason: "Ready", detail: `${ref.condition}: ${reading.detail}` };
  if (reading.status === "absent") return { ...base, state: "waiting", reason: "NotFound", detail: reading.detail };
  return {
    ...base,
    state: "waiting",
    reason: "ConditionNotMet",
    detail: `${ref.condition} is ${reading.status}: ${reading.detail}`
  };
}
function belongsTo(pod, ref) {
  if (ref.kind === "Pod") return pod.name === ref.name;
  const owner = pod.owner;
  if (!owner || owner.kind !== ref.kind || owner.name !== ref.name) return false;
  return ref.namespace === void 0 || owner.namespace === void 0 || ref.namespace === owner.namespace;
}
export {
  waitsForCondition,
  workloadName,
  workloadStatuses
};
//# sourceMappingURL=workload-status.js.map
