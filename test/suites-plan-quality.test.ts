// How close the suites planner comes to a lower bound on the simulated workloads of bench/suites-sim (the seed's six
// suites and the variants), on a virtual clock: the issue-17 target (within 10% of the bound on the seed's
// workload), a workload where the best packing's start order reaches the bound, and the bound itself never above
// a planned run (it is a bound).
import { describe, expect, it } from 'vitest';
import { planSuites } from '../src/plan/suites-plan.js';
import { simulatePlan } from '../src/plan/suites-predict.js';
import { bestBound, lowerBounds } from '../bench/suites-sim/bounds.js';
import { VARIANTS } from '../bench/suites-sim/variants.js';
import { SEED, workload, type WorkloadSketch } from '../bench/suites-sim/workload.js';

function planned(sketch: WorkloadSketch) {
  const { env, groupImages, durations } = workload(sketch);
  const suites = env.suites!.map((s) => s.name);
  const { plan, footprints } = planSuites(env, {
    suites,
    target: 'kind',
    cachedImages: new Set(),
    withTest: true,
    groupImages,
    durations,
  });
  const makespanMs = simulatePlan(plan, env.capacity).makespanMs;
  return { makespanMs, bounds: lowerBounds(plan, env.capacity, footprints, env.memoryBytes!) };
}

describe('the suites plan against lower bounds (simulated workloads)', () => {
  it("plans the seed's six suites within 10% of the best lower bound", () => {
    const { makespanMs, bounds } = planned(SEED);
    expect(bounds.packing).toBeDefined();
    expect(makespanMs / bestBound(bounds)).toBeLessThanOrEqual(1.1);
  });

  it('reaches the packing bound when a suite bigger than the budget must run alone', () => {
    const { makespanMs, bounds } = planned(VARIANTS.find((v) => v.name === 'oversized')!.sketch);
    expect(makespanMs).toBe(bounds.packing);
  });

  it('never bounds a workload above its planned run', () => {
    for (const v of [{ name: 'seed', sketch: SEED }, ...VARIANTS]) {
      const { makespanMs, bounds } = planned(v.sketch);
      expect(bestBound(bounds), v.name).toBeLessThanOrEqual(makespanMs);
    }
  });
});
