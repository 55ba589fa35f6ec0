import { simulateSchedule } from "./simulate.js";
function predictPlan(plan, durations, capacities) {
  const steps = plan.steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    subject: s.subject,
    deps: [...s.deps],
    weight: s.claims.engine,
    cached: s.cached,
    estimateMs: s.estimateMs,
    priority: s.priority,
    source: s.cached ? "cached" : durations.has(s.id) ? "history" : "default"
  }));
  const predictions = capacities.map((capacity) => {
    const sim = simulateSchedule(plan.steps, capacity);
    return { capacity, setupMs: sim.setupMs, makespanMs: sim.makespanMs, peakWeight: sim.peakWeight };
  });
  return { steps, criticalPath: plan.criticalPath, criticalPathMs: plan.criticalPathMs, predictions };
}
export {
  predictPlan
};
//# sourceMappingURL=predict.js.map
