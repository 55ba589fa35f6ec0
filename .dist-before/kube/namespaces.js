import { asString, dig } from "./json-access.js";
const CLUSTER_SCOPED_KINDS = /* @__PURE__ */ new Set([
  "APIService",
  "CSIDriver",
  "CSINode",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "CustomResourceDefinition",
  "FlowSchema",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeSnapshotClass"
]);
const BUILT_IN_NAMESPACES = /* @__PURE__ */ new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);
function applyNamespace(objects, namespace) {
  if (namespace === void 0) return;
  const clusterScoped = clusterScopedKinds(objects.map((o) => o.object));
  for (const { object } of objects) {
    if (object.metadata.namespace === void 0 && !clusterScoped.has(object.kind))
      object.metadata.namespace = namespace;
  }
}
function namespacesToCreate(objects) {
  const defined = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
  const used = objects.map((o) => o.metadata.namespace).filter((ns) => ns !== void 0);
  return [...new Set(used)].filter((ns) => !defined.has(ns) && !BUILT_IN_NAMESPACES.has(ns)).sort();
}
function clusterScopedKinds(objects) {
  const kinds = new Set(CLUSTER_SCOPED_KINDS);
  for (const o of objects) {
    if (o.kind !== "CustomResourceDefinition" || asString(dig(o, "spec", "scope")) !== "Cluster") continue;
    const kind = asString(dig(o, "spec", "names", "kind"));
    if (kind !== void 0) kinds.add(kind);
  }
  return kinds;
}
export {
  CLUSTER_SCOPED_KINDS,
  applyNamespace,
  namespacesToCreate
};
//# sourceMappingURL=namespaces.js.map
