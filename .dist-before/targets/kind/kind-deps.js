const CLUSTER_LABEL = "io.x-k8s.kind.cluster";
const ROLE_LABEL = "io.x-k8s.kind.role";
export {
  CLUSTER_LABEL,
  ROLE_LABEL
};
//# sourceMappingURL=kind-deps.js.map
