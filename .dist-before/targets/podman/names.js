import {
  LABEL_ENV,
  LABEL_MANAGED,
  LABEL_PROJECT,
  LABEL_PROJECT_PATH,
  LABEL_RUN,
  owned,
  ownership
} from "../../engines/labels.js";
const LABEL_GROUP = "io.tarmac.group";
const LABEL_WORKLOAD_KIND = "io.tarmac.workload-kind";
const LABEL_WORKLOAD = "io.tarmac.workload";
const LABEL_TARGET = "io.tarmac.target";
const LABEL_SPEC = "io.tarmac.spec";
function networkName(env) {
  return `tarmac-${env}`;
}
function scopedName(env, name) {
  return `tarmac-${env}-${name}`;
}
function targetLabels(id) {
  return { [LABEL_MANAGED]: "true", [LABEL_ENV]: id.env, [LABEL_TARGET]: "podman", [LABEL_PROJECT]: id.project };
}
function envNameLabels(env) {
  return { [LABEL_MANAGED]: "true", [LABEL_ENV]: env, [LABEL_TARGET]: "podman" };
}
function networkLabels(id) {
  return { ...targetLabels(id), [LABEL_PROJECT_PATH]: id.projectPath };
}
function envPodLabels(id, runId, group) {
  return { ...targetLabels(id), [LABEL_RUN]: runId, [LABEL_GROUP]: group };
}
function podmanOwnership(labels, id) {
  return labels?.[LABEL_TARGET] === "podman" ? ownership(labels, id) : "foreign";
}
function isOurs(labels, id) {
  return owned(podmanOwnership(labels, id));
}
export {
  LABEL_GROUP,
  LABEL_SPEC,
  LABEL_TARGET,
  LABEL_WORKLOAD,
  LABEL_WORKLOAD_KIND,
  envNameLabels,
  envPodLabels,
  isOurs,
  networkLabels,
  networkName,
  podmanOwnership,
  scopedName,
  targetLabels
};
//# sourceMappingURL=names.js.map
