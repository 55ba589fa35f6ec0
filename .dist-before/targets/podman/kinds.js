const WORKLOAD_KINDS = /* @__PURE__ */ new Set([
  "Pod",
  "Deployment",
  "ReplicaSet",
  "ReplicationController",
  "StatefulSet",
  "DaemonSet",
  "Job"
]);
const REFUSED_KINDS = ["CronJob"];
function podmanRefusedKinds() {
  return REFUSED_KINDS;
}
function isRefusedKind(kind) {
  return REFUSED_KINDS.includes(kind);
}
function noEffectReason(kind, apiVersion) {
  if (kind === "CustomResourceDefinition") return "there is no API server to extend";
  if (kind === "Namespace") return "pods share the env network, whatever their namespace";
  if (/Role|ServiceAccount/.test(kind)) return "there is no API server to authorise against";
  if (!apiVersion.includes("/") || /\.k8s\.io\/|^apps\/|^batch\/|^policy\/|^autoscaling\//.test(apiVersion))
    return "it only configures a cluster";
  return "it is a custom resource, and no controller runs without a cluster";
}
export {
  WORKLOAD_KINDS,
  isRefusedKind,
  noEffectReason,
  podmanRefusedKinds
};
//# sourceMappingURL=kinds.js.map
