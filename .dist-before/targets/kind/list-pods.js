import { ExitCode, TarmacError } from "../../errors/errors.js";
import { podViewsFromKubeList } from "../../kube/pod-view.js";
import { kindErrorLine, QUICK_MS } from "./kind-tools.js";
const WORKLOAD_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet", "Pod"]);
function groupWorkloads(group) {
  if (group.waitFor.length > 0) return group.waitFor;
  return group.objects.map((o) => o.object).filter((object) => WORKLOAD_KINDS.has(object.kind)).map((object) => ({
    kind: object.kind,
    name: object.metadata.name,
    ...object.metadata.namespace ? { namespace: object.metadata.namespace } : {}
  }));
}
async function listPods(deps, group, signal) {
  const workloads = groupWorkloads(group);
  const namespaces = [...new Set(workloads.map((w) => w.namespace ?? "default"))];
  const perNamespace = await Promise.all(namespaces.map((ns) => podsIn(deps, ns, signal)));
  return perNamespace.flat().filter((pod) => workloads.some((w) => belongsTo(pod, w)));
}
async function podsIn(deps, namespace, signal) {
  const [pods, events] = await Promise.all([
    deps.tools.kubectl(["get", "pods", "-n", namespace, "-o", "json"], { timeoutMs: QUICK_MS, signal }),
    deps.tools.kubectl(["get", "events", "-n", namespace, "-o", "json"], { timeoutMs: QUICK_MS, signal })
  ]);
  if (!pods.ok) {
    throw new TarmacError(
      "CLUSTER_UNREACHABLE",
      `could not list the pods in namespace ${namespace}: ${kindErrorLine(pods)}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: "Check the cluster with `tarmac status`.",
        details: pods.tail.slice(-5)
      }
    );
  }
  return podViewsFromKubeList(parse(pods.stdout, "pods"), events.ok ? itemsOf(parse(events.stdout, "events")) : []);
}
function belongsTo(pod, workload) {
  const namespace = workload.namespace ?? "default";
  if (workload.kind === "Pod") return pod.name === workload.name;
  return pod.owner?.kind === workload.kind && pod.owner.name === workload.name && (pod.owner.namespace ?? "default") === namespace;
}
function parse(text, what) {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new TarmacError("CLUSTER_UNREACHABLE", `\`kubectl get ${what} -o json\` did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause
    });
  }
}
function itemsOf(list) {
  const items = list?.items;
  return Array.isArray(items) ? items : [];
}
export {
  groupWorkloads,
  listPods
};
//# sourceMappingURL=list-pods.js.map
