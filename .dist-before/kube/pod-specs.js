import { asArray, asRecord, dig } from "./json-access.js";
const POD_SPEC_PATHS = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
function runsPods(kind) {
  return POD_SPEC_PATHS[kind] !== void 0;
}
const DEFAULT_WAIT_KINDS = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet"]);
function containersOf(object) {
  const path = POD_SPEC_PATHS[object.kind];
  if (path === void 0) return [];
  const spec = dig(object, ...path);
  return [...asArray(dig(spec, "initContainers")), ...asArray(dig(spec, "containers"))].map(asRecord).filter((c) => c !== void 0);
}
export {
  DEFAULT_WAIT_KINDS,
  containersOf,
  runsPods
};
//# sourceMappingURL=pod-specs.js.map
