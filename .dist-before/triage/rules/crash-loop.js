import { clusterName, conf, failureLinesMatching, pods, quote } from "./evidence-facts.js";
import { errorFact, failedSteps } from "./journal-facts.js";
import { outputMatching } from "./infra-markers.js";
const CRASH = /CrashLoopBackOff|RunContainerError/;
const CRASH_REASONS = /* @__PURE__ */ new Set(["CrashLoopBackOff", "ContainerFailed", "RunContainerError"]);
const FATAL_LOG = /^F\d{4} \d\d:\d\d:\d\d|^panic: |^\[FATAL\]|^FATAL[: ]|\blevel=fatal\b|"level":"fatal"|exec format error|executable file not found in \$PATH|^Traceback \(most recent call last\):|^Exception in thread "main"/;
const JOB_FAILED = /BackoffLimitExceeded|reache?d? the specified backoff limit|DeadlineExceeded|was active longer than specified deadline/i;
const LIVENESS_KILL = /Liveness probe failed|failed liveness probe, will be restarted/i;
function workloads(step) {
  return step ? errorFact(step, "workloads")?.workloads ?? [] : [];
}
function crashed(w) {
  return CRASH_REASONS.has(w.reason) || (w.exitCode ?? 0) > 0;
}
const crashLoop = {
  id: "crash-loop",
  title: "A deployed container keeps crashing (CrashLoopBackOff)",
  refs: ["research-kubernaut \xA73 #15"],
  match(input) {
    const steps = failedSteps(input.run).filter(
      (f) => f.kind === "deploy" && f.error && (f.error.code === "CONTAINER_START_FAILED" || workloads(f).some(crashed) || CRASH.test(f.error.message))
    );
    const crashing = pods(input).filter(
      (p) => p.reasons.some((r) => /CrashLoopBackOff|exit [1-9]|Error|ContainerFailed/.test(r)) || p.restarts >= 3
    );
    const fatal = pods(input).filter(
      (p) => !p.ready && !crashing.includes(p) && p.logTail.slice(-5).some((l) => FATAL_LOG.test(l.trim()))
    );
    if (steps.length === 0 && crashing.length === 0 && fatal.length === 0) return void 0;
    const text = [...steps.map((s) => s.error?.message ?? ""), ...crashing.flatMap((p) => p.reasons)].join("\n");
    const exit = steps.flatMap(workloads).find((w) => w.exitCode !== void 0)?.exitCode?.toString() ?? /exit (\d+)/.exec(text)?.[1];
    const oom = exit === "137" || /OOMKilled/.test(text);
    const pod = crashing[0] ?? fatal[0];
    const podName = pod?.name ?? workloads(steps[0]).find((w) => w.state === "failed")?.pod;
    const logs = [
      ...pod?.logTail ?? [],
      ...failureLinesMatching(input, /^log: /, 5, ["deploy"]).map((l) => l.replace(/^[^:]+: log: /, ""))
    ].slice(-5);
    const job = outputMatching(input, JOB_FAILED, 1, ["deploy", "test", "pod"]).length > 0;
    const liveness = outputMatching(input, LIVENESS_KILL, 1, ["deploy", "pod"]).length > 0;
    const kind = input.run.env?.target !== "podman";
    const name = clusterName(input);
    return {
      confidence: conf(job || liveness ? 0.4 : oom ? 0.5 : steps.length > 0 ? 0.9 : crashing.length > 0 ? 0.75 : 0.6),
      explains: ["connection-refused", "permission"],
      summary: `${podName ? `Pod ${podName}` : "A pod"}: its container starts and exits${exit ? ` with code ${exit}` : ""}, again and again: the application fails on start (a missing setting, an args/entrypoint mix-up, a dependency it cannot reach). Not an infrastructure fault.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? "")),
        ...crashing.map((p) => quote(`pod ${p.name}`, `${p.reasons.join(", ")}; ${p.restarts} restarts`)),
        ...fatal.map((p) => quote(`pod ${p.name}`, `not ready; its log ends in a fatal error`)),
        ...logs.map((l) => quote("container log", l))
      ],
      actions: kind ? [
        `kubectl --context kind-${name} logs ${podName ?? "<pod>"} --previous`,
        `kubectl --context kind-${name} describe pod ${podName ?? "<pod>"}`
      ] : [
        `podman pod logs ${podName ?? "<pod>"}`,
        `podman ps -a --pod --filter pod=${podName ?? "<pod>"} --format '{{.Names}} {{.Status}}'`
      ]
    };
  }
};
export {
  crashLoop
};
//# sourceMappingURL=crash-loop.js.map
