import { WORKLOAD_KINDS, isRefusedKind, noEffectReason } from "./kinds.js";
import { asNumber, asRecord, asString, asStringMap, clone } from "./shape.js";
function sourceOf(object) {
  return `${object.file}:${object.line}`;
}
function sortObjects(objects) {
  const sorted = { workloads: [], services: [], config: [], claims: [], noEffect: [], unsupported: [] };
  for (const item of objects) {
    const { object } = item;
    if (WORKLOAD_KINDS.has(object.kind)) sorted.workloads.push(workloadOf(item));
    else if (object.kind === "Service") sorted.services.push(item);
    else if (object.kind === "ConfigMap" || object.kind === "Secret") sorted.config.push(clone(object));
    else if (object.kind === "PersistentVolumeClaim") sorted.claims.push(item);
    else if (isRefusedKind(object.kind))
      sorted.unsupported.push(
        `${object.kind}/${object.metadata.name} (${sourceOf(item)}): the podman target cannot run a ${object.kind} (no scheduler without a cluster)`
      );
    else
      sorted.noEffect.push({
        kind: object.kind,
        name: object.metadata.name,
        source: sourceOf(item),
        reason: noEffectReason(object.kind, object.apiVersion)
      });
  }
  return sorted;
}
function workloadOf(item) {
  const { object } = item;
  const base = { ref: workloadRef(object), source: sourceOf(item), ordinals: false, completes: false };
  const spec = asRecord(object.spec) ?? {};
  if (object.kind === "Pod")
    return { ...base, labels: { ...object.metadata.labels ?? {} }, spec: clone(spec), replicas: 1 };
  const template = asRecord(spec.template) ?? {};
  const fromTemplate = {
    ...base,
    labels: asStringMap(asRecord(template.metadata)?.labels),
    spec: clone(asRecord(template.spec) ?? {})
  };
  switch (object.kind) {
    case "DaemonSet":
      return { ...fromTemplate, replicas: 1 };
    case "Job":
      return { ...fromTemplate, replicas: 1, completes: true };
    case "StatefulSet": {
      const serviceName = asString(spec.serviceName);
      return {
        ...fromTemplate,
        replicas: asNumber(spec.replicas) ?? 1,
        ordinals: true,
        ...serviceName ? { serviceName } : {}
      };
    }
    default:
      return { ...fromTemplate, replicas: asNumber(spec.replicas) ?? 1 };
  }
}
function workloadRef(object) {
  return {
    kind: object.kind,
    name: object.metadata.name,
    ...object.metadata.namespace ? { namespace: object.metadata.namespace } : {}
  };
}
export {
  sortObjects,
  sourceOf
};
//# sourceMappingURL=workloads.js.map
