import { ExitCode, TarmacError } from "../../errors/errors.js";
import { kubectlLogArgs, logsFailure } from "../log-args.js";
import { kindErrorLine, QUICK_MS } from "./kind-tools.js";
const KIND_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);
function logSourcesFromPods(list) {
  const items = list?.items;
  const pods = Array.isArray(items) ? items : [];
  return pods.filter((p) => !KIND_NAMESPACES.has(p.metadata?.namespace ?? "default")).flatMap((p) => {
    const pod = p.metadata?.name ?? "";
    const namespace = p.metadata?.namespace ?? "default";
    const workload = workloadOf(p);
    const containers = [...p.spec?.initContainers ?? [], ...p.spec?.containers ?? []];
    return containers.map((c) => ({ workload, namespace, pod, container: c.name ?? "" }));
  });
}
function workloadOf(pod) {
  const owner = pod.metadata?.ownerReferences?.[0];
  if (!owner?.name) return pod.metadata?.name ?? "";
  return owner.kind === "ReplicaSet" ? owner.name.replace(/-[a-z0-9]+$/, "") : owner.name;
}
async function kindLogSources(tools, signal) {
  const result = await tools.kubectl(["get", "pods", "-A", "-o", "json"], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError("CLUSTER_UNREACHABLE", `could not list the pods: ${kindErrorLine(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: "Check the cluster with `tarmac status`."
    });
  }
  try {
    return logSourcesFromPods(JSON.parse(result.stdout));
  } catch (cause) {
    throw new TarmacError("CLUSTER_UNREACHABLE", "`kubectl get pods -A -o json` did not print JSON", { cause });
  }
}
async function readKindLogs(tools, source, request) {
  const result = await tools.kubectlUntilStopped(kubectlLogArgs(source, request), {
    signal: request.signal,
    onLine: request.onLine,
    killGraceMs: 1e3
  });
  const failure = logsFailure(source, result);
  if (failure) throw failure;
}
export {
  kindLogSources,
  logSourcesFromPods,
  readKindLogs
};
//# sourceMappingURL=logs.js.map
