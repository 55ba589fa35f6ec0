import { LABEL_GROUP, isOurs } from "./names.js";
function podsToPrune(live, id, group, planned) {
  return live.filter((pod) => isOurs(pod.labels, id) && pod.labels[LABEL_GROUP] === group && !planned.has(pod.name)).map((pod) => pod.name).sort();
}
export {
  podsToPrune
};
//# sourceMappingURL=prune.js.map
