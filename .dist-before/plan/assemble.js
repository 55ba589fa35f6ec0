import { estimateMs } from "./estimates.js";
import { topoOrder } from "./graph.js";
import { computePriorities, criticalPath } from "./priorities.js";
function assemblePlan(drafts, durations) {
  const estimated = drafts.map((d) => ({ ...d, estimateMs: estimateMs(d, durations) }));
  const ordered = estimated.map((s) => s.after?.length ? { ...s, deps: [...s.deps, ...s.after] } : s);
  const order = topoOrder(ordered);
  const priority = computePriorities(estimated, order);
  const byId = new Map(estimated.map((s) => [s.id, s]));
  const steps = order.map((id) => ({ ...byId.get(id), priority: priority.get(id) ?? 0 }));
  const critical = criticalPath(estimated, order, priority);
  return { steps, criticalPath: critical.path, criticalPathMs: critical.ms };
}
export {
  assemblePlan
};
//# sourceMappingURL=assemble.js.map
