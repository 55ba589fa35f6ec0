import { conf, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const WAIT_REASON = /\b(ReadinessProbeFailing|StartupProbeFailing|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Unschedulable|CreateContainerConfigError|OOMKilled)\b/;
const stepStalled = {
  id: "step-stalled",
  title: "A step hung silently with a healthy engine and was stopped by its timeout",
  refs: ["research-kubernaut \xA73 #3", "research-kubernaut \xA73 #13"],
  match(input) {
    const stuck = failedSteps(input.run).filter(
      (f) => f.error && /^(STEP_TIMEOUT|CLUSTER_CREATE_TIMEOUT|TEST_TIMEOUT)$/.test(f.error.code)
    );
    if (stuck.length === 0) return void 0;
    const step = stuck[0];
    const healthy = step.error?.probe?.ok === true;
    const explained = [...step.error?.tail ?? [], ...input.run.stepLogs[step.stepId] ?? []].some(
      (l) => WAIT_REASON.test(l)
    );
    const engineNow = input.evidence.engine?.data;
    const engineBad = engineNow !== void 0 && !engineNow.reachable;
    const confidence = explained ? 0.5 : healthy && !engineBad ? 0.85 : engineBad ? 0.3 : 0.55;
    const tail = [...step.error?.tail ?? [], ...input.run.stepLogs[step.stepId] ?? []].filter((l) => l.trim() !== "").slice(-3);
    const kind = step.kind ?? step.stepId.split(":")[0] ?? "step";
    return {
      confidence: conf(confidence),
      explains: ["timeout"],
      summary: `${step.stepId} printed nothing and was stopped by its timeout${healthy ? " while the engine answered normally" : ""}: the work inside the step hangs (a RUN waiting on the network, a stuck process), not the infrastructure.`,
      evidence: [
        quote(`journal ${step.stepId} [${step.error?.code}]`, step.error?.message ?? ""),
        ...tail.map((l) => quote(`${step.stepId} last output`, l)),
        ...engineNow?.reachable ? [quote("engine", `${engineNow.name} answers now (${engineNow.probeMs} ms)`)] : []
      ],
      actions: [
        `less .tarmac/runs/${input.run.runId ?? "<run>"}/steps/${step.stepId.replace(/[^a-zA-Z0-9._-]/g, "_")}.log   # the last lines show where it stopped`,
        `raise timeouts.${kind} in tarmac.yaml only if the step legitimately needs longer`
      ]
    };
  }
};
export {
  stepStalled
};
//# sourceMappingURL=step-stalled.js.map
