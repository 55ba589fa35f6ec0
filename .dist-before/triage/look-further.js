import { stepLogName } from "../journal/run-dir.js";
import { clusterName, engineCmd, pods } from "./rules/evidence-facts.js";
import { failedSteps } from "./rules/journal-facts.js";
function lookFurther(input) {
  const { run, evidence } = input;
  const cmd = engineCmd(input);
  const failed = failedSteps(run);
  const kinds = new Set(failed.map((f) => f.kind));
  const kind = (run.env?.target ?? evidence.clusters?.data?.[0]?.target) !== "podman";
  const ctx = `kubectl --context kind-${clusterName(input)}`;
  const out = [];
  for (const f of failed.filter((s) => s.stepId !== "run").slice(0, 2))
    out.push(`less .tarmac/runs/${run.runId ?? "<run>"}/steps/${stepLogName(f.stepId)}   # the step's whole output`);
  if (failed.some((f) => f.stepId === "run") || evidence.engine?.data?.reachable === false)
    out.push(`${cmd} info`, `${cmd} system connection list`);
  if (kinds.has("build")) out.push(`${cmd} info --format '{{.Store.GraphRoot}}'; df -h`);
  if (kinds.has("cluster")) out.push(`${cmd} ps -a --filter label=io.x-k8s.kind.cluster`);
  if (kind && (kinds.has("deploy") || kinds.has("deliver") || kinds.has("test"))) {
    for (const p of pods(input).filter((q) => !q.ready).slice(0, 2))
      out.push(`${ctx} describe pod ${p.name}`);
    out.push(`${ctx} get events -A --sort-by=.lastTimestamp`, `${ctx} get pods -A -o wide`);
  }
  if (evidence.kindLogs?.data) out.push(`ls ${evidence.kindLogs.data.dir}   # kind export logs`);
  out.push("tarmac status");
  return [...new Set(out)];
}
export {
  lookFurther
};
//# sourceMappingURL=look-further.js.map
