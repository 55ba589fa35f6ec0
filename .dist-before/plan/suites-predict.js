import { simulateSchedule } from "./simulate.js";
import { planSuites, suiteTestStepId } from "./suites-plan.js";
function simulatePlan(plan, capacity) {
  return simulateSchedule(
    plan.steps.map((s) => ({ ...s, deps: [...s.deps, ...s.after ?? []] })),
    capacity
  );
}
function predictSuites(env, input) {
  const together = planSuites(env, input);
  const sim = simulatePlan(together.plan, env.capacity);
  const suiteOf = new Map(together.plan.steps.map((s) => [s.id, s.suite]));
  let sequentialMs = 0;
  let sequentialColdMs = 0;
  const built = new Set(input.cachedImages);
  const suites = together.suites.map((suite) => {
    const alone = (cached) => simulatePlan(planSuites(env, { ...input, suites: [suite.name], cachedImages: cached }).plan, env.capacity).makespanMs;
    const aloneMs = alone(input.cachedImages);
    sequentialColdMs += aloneMs;
    sequentialMs += alone(built);
    for (const image of suite.images) built.add(image);
    const own = sim.slots.filter((s) => suiteOf.get(s.id) === suite.name);
    const test = own.find((s) => s.id === suiteTestStepId(suite.name));
    const endMs = Math.max(0, ...own.map((s) => s.endMs));
    return { suite: suite.name, setupMs: test?.startMs ?? endMs, endMs, aloneMs };
  });
  return {
    capacity: env.capacity,
    ...env.memoryBytes !== void 0 ? { memoryBytes: env.memoryBytes } : {},
    sideBySideMs: sim.makespanMs,
    sequentialMs,
    sequentialColdMs,
    peakWeight: sim.peakWeight,
    suites,
    waits: together.waits
  };
}
function suiteCosts(env, input) {
  const allCached = new Set(env.images.map((i) => i.name));
  return input.suites.map((name) => {
    const { plan } = planSuites(env, { ...input, suites: [name], cachedImages: allCached });
    const sim = simulatePlan(plan, env.capacity);
    const testMs = plan.steps.find((s) => s.id === suiteTestStepId(name))?.estimateMs ?? 0;
    return { suite: name, setupMs: sim.setupMs, testMs };
  });
}
export {
  predictSuites,
  simulatePlan,
  suiteCosts
};
//# sourceMappingURL=suites-predict.js.map
