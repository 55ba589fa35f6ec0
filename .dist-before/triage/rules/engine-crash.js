import { ERROR_CODES } from "../../errors/codes.js";
import { brokenCluster, clusterLines, conf, engine, engineCmd, failureLinesMatching, quote } from "./evidence-facts.js";
import { allFailures, failedSteps, incidents, planned, startCapacity } from "./journal-facts.js";
import { engineRuntimeCrash } from "./engine-runtime-crash.js";
const CRASH_TEXT = /server probably quit|read\/write on closed pipe/i;
const CONSEQUENCE = /^(ENGINE_|CLUSTER_|NODE_UNAVAILABLE|KIND_LOAD_FAILED|DELIVERY_NOT_VERIFIED|STEP_TIMEOUT|DEPLOY_TIMEOUT|DEPLOY_APPLY_FAILED)/;
const engineCrash = {
  id: "engine-crash",
  title: "The container engine crashed during the run",
  refs: ["research-kubernaut \xA73 #1", "research-kubernaut \xA73 #2", "research-kind-podman \xA7B 2"],
  match(input) {
    const run = input.run;
    const crashes = incidents(run, "engine-crash", "engine-lost");
    const crashLines = failureLinesMatching(input, CRASH_TEXT, 3);
    const earlierCrash = allFailures(run).some(
      (f) => f.error?.code === "ENGINE_UNREACHABLE" && CRASH_TEXT.test(f.error.message)
    );
    const runtimeCrash = engineRuntimeCrash(input);
    if (crashes.length === 0 && crashLines.length === 0 && !earlierCrash && runtimeCrash.length === 0) return void 0;
    const failed = failedSteps(run);
    const explained = failed.filter((f) => f.error && CONSEQUENCE.test(f.error.code));
    const lost = crashes.some((i) => i.kind === "engine-lost") || failed.some((f) => f.error?.code === "ENGINE_LOST");
    const cluster = brokenCluster(input);
    let confidence;
    if (failed.length === 0) confidence = 0.3;
    else if (lost || crashes.length > 0 && explained.length === failed.length) confidence = 0.95;
    else if (explained.length > 0) confidence = 0.75;
    else confidence = 0.35;
    if (crashes.length === 0) confidence -= 0.1;
    if (runtimeCrash.length > 0 && crashes.length === 0) confidence = Math.max(confidence, 0.7);
    const probeTimeoutOnly = crashLines.length === 0 && crashes.length > 0 && crashes.every((i) => i.cause.type === "engine-probe" && i.cause.probe.timedOut);
    if (probeTimeoutOnly && engine(input)?.hung) confidence = Math.min(confidence, 0.6);
    const first = crashes[0];
    const parallel = first ? first.stepIds.filter((id) => planned(run).get(id)?.kind === "build" || id.startsWith("build:")) : [];
    const capacity = startCapacity(run);
    const evidence = [
      ...crashes.map((i) => quote(`journal incident ${i.kind}`, i.message)),
      ...first ? first.evidence.slice(0, 2).map((l) => quote("journal incident evidence", l)) : [],
      ...crashLines,
      ...runtimeCrash,
      ...first && first.stepIds.length > 0 ? [quote("journal incident", `running at the crash: ${first.stepIds.join(", ")}`)] : [],
      ...failed.slice(0, 4).map((f) => quote(`journal ${f.stepId}`, `failed: ${f.error?.code ?? "?"} ${f.error?.message ?? ""}`)),
      ...engineNow(input),
      ...cluster ? clusterLines(cluster) : []
    ];
    const cause = first ? causeText(first) : runtimeCrash.length > 0 && crashLines.length === 0 ? "its own program crashed: a Go runtime panic in the engine" : "server probably quit";
    const builds = parallel.length > 1 ? ` while ${parallel.length} builds ran in parallel${capacity ? ` (capacity ${capacity})` : ""}` : "";
    const casualty = cluster ? `; kind cluster ${cluster.name} is a casualty: it is still listed, but its node container is not running and its API does not answer` : "";
    const cmd = engineCmd(input);
    const lower = Math.max(1, (parallel.length || capacity || 2) - 1);
    const actions = [
      ...cluster ? [`kind delete cluster --name ${cluster.name}`, `${cmd} system prune -f`] : [],
      lost ? `${cmd} info   # bring the engine back first (podman machine start / systemctl --user start podman.socket)` : `${cmd} info`,
      `tarmac up --capacity ${lower}   # or set build.capacity: ${lower} in tarmac.yaml, so fewer builds share the engine`,
      ...input.evidence.machine?.data?.exists ? ["podman machine stop && podman machine set --memory 8192 && podman machine start"] : []
    ];
    return {
      confidence: conf(confidence),
      explains: ["connection-refused", "network", "timeout", "memory", "crash"],
      summary: `The container engine crashed (${cause})${builds}${lost ? " and did not come back" : ""}${casualty}.`,
      evidence,
      actions
    };
  }
};
function engineNow(input) {
  const e = engine(input);
  if (!e) return [];
  return [
    quote(
      "engine",
      e.reachable ? `${e.name} ${e.version ?? ""} answers now (${e.probeMs} ms)` : `${e.name} does not answer now: ${e.error ?? (e.hung ? "no answer" : "unreachable")}`
    )
  ];
}
function causeText(incident) {
  const cause = incident.cause;
  if (cause.type === "engine-error") return cause.engineLine ?? `${cause.code}: ${ERROR_CODES[cause.code].summary}`;
  if (cause.type === "engine-probe") return `the engine probe failed: ${cause.probe.detail}`;
  return incident.message;
}
export {
  engineCrash
};
//# sourceMappingURL=engine-crash.js.map
