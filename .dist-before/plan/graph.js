import { TarmacError, ExitCode } from "../errors/errors.js";
class PlanCycleError extends TarmacError {
  cycle;
  constructor(cycle) {
    super("PLAN_CYCLE", `dependency cycle: ${cycle.join(" -> ")}`, {
      exitCode: ExitCode.usage,
      hint: "Remove one of the dependencies in the cycle (images: `dependsOn`, deploy groups: `after`)."
    });
    this.name = "PlanCycleError";
    this.cycle = cycle;
  }
}
function checkReferences(nodes) {
  const ids = /* @__PURE__ */ new Set();
  for (const node of nodes) {
    if (ids.has(node.id))
      throw new TarmacError("PLAN_DUPLICATE_STEP", `step ${node.id} appears twice in the plan`, {
        exitCode: ExitCode.internal
      });
    ids.add(node.id);
  }
  for (const node of nodes) {
    for (const dep of node.deps) {
      if (!ids.has(dep)) {
        throw new TarmacError("PLAN_UNKNOWN_DEP", `step ${node.id} depends on ${dep}, which is not in the plan`, {
          exitCode: ExitCode.usage,
          hint: "Check the names in `dependsOn` / `after`."
        });
      }
    }
  }
}
function findCycle(nodes) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const mark = /* @__PURE__ */ new Map();
  const path = [];
  for (const start of nodes) {
    if (mark.has(start.id)) continue;
    const stack = [{ id: start.id, next: 0 }];
    mark.set(start.id, 1);
    path.push(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const deps = byId.get(top.id)?.deps ?? [];
      if (top.next >= deps.length) {
        mark.set(top.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const dep = deps[top.next++];
      if (!byId.has(dep) || mark.get(dep) === 2) continue;
      if (mark.get(dep) === 1) {
        return [...path.slice(path.indexOf(dep)), dep];
      }
      mark.set(dep, 1);
      path.push(dep);
      stack.push({ id: dep, next: 0 });
    }
  }
  return void 0;
}
function topoOrder(nodes) {
  checkReferences(nodes);
  const cycle = findCycle(nodes);
  if (cycle) throw new PlanCycleError(cycle);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const waiting = new Map(nodes.map((n) => [n.id, new Set(n.deps).size]));
  const dependants = dependantsOf(nodes);
  const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  const order = [];
  while (ready.length > 0) {
    ready.sort((a, b) => index.get(a) - index.get(b));
    const id = ready.shift();
    order.push(id);
    for (const next of dependants.get(id) ?? []) {
      const left = waiting.get(next) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order;
}
function dependantsOf(nodes) {
  const result = new Map(nodes.map((n) => [n.id, []]));
  for (const node of nodes) {
    for (const dep of new Set(node.deps)) result.get(dep)?.push(node.id);
  }
  return result;
}
export {
  PlanCycleError,
  checkReferences,
  dependantsOf,
  findCycle,
  topoOrder
};
//# sourceMappingURL=graph.js.map
