import { asRecord, dig } from "./json-access.js";
function expectedPods(object) {
  const number = (value, fallback) => typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fallback;
  switch (object.kind) {
    case "Pod":
      return { count: 1, completions: false };
    case "Deployment":
    case "ReplicaSet":
    case "ReplicationController":
    case "StatefulSet":
      return { count: number(dig(object, "spec", "replicas"), 1), completions: false };
    case "Job":
      return { count: number(asRecord(object.spec)?.completions, 1), completions: true };
    default:
      return void 0;
  }
}
function expectationsFor(waitFor, objects) {
  const found = /* @__PURE__ */ new Map();
  for (const ref of waitFor) {
    const object = objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name);
    const expectation = object ? expectedPods(object) : void 0;
    if (expectation) found.set(`${ref.kind}/${ref.name}`, expectation);
  }
  return found;
}
export {
  expectationsFor,
  expectedPods
};
//# sourceMappingURL=expected-pods.js.map
