import { dependantsOf } from "./graph.js";
function computePriorities(nodes, order) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dependants = dependantsOf(nodes);
  const priority = /* @__PURE__ */ new Map();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const after = (dependants.get(id) ?? []).map((d) => priority.get(d) ?? 0);
    priority.set(id, (byId.get(id)?.estimateMs ?? 0) + Math.max(0, ...after));
  }
  return priority;
}
function criticalPath(nodes, order, priority) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dependants = dependantsOf(nodes);
  const best = (ids) => {
    let found;
    for (const id of ids) if (found === void 0 || (priority.get(id) ?? 0) > (priority.get(found) ?? 0)) found = id;
    return found;
  };
  let current = best(order.filter((id) => (byId.get(id)?.deps.length ?? 0) === 0));
  const path = [];
  while (current !== void 0) {
    path.push(current);
    current = best(dependants.get(current) ?? []);
  }
  const first = path[0];
  return { path, ms: first === void 0 ? 0 : priority.get(first) ?? 0 };
}
export {
  computePriorities,
  criticalPath
};
//# sourceMappingURL=priorities.js.map
