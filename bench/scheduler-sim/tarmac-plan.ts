// tarmac's real plan for the seed workload: planUp (src/plan/up-plan.ts) with the seed's durations as the learned
// history, so its priorities are the real longest-remaining-path priorities of src/plan/priorities.ts.
import { makeEnv } from '../../src/plan/plan.test-kit.js';
import { planUp } from '../../src/plan/up-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { seedWorkload } from './workload.js';

/** The plan `tarmac up` makes for the seed on the kind target (where creating the cluster takes an engine unit). */
export function seedPlan(): Plan {
  const env = makeEnv([
    { name: 'datastorage', weight: 1 },
    { name: 'holmesgpt-api', weight: 2 },
    { name: 'aianalysis', weight: 1 },
  ]);
  env.deploy = [{ name: 'services', manifests: [], after: [] }];
  const durations = new Map(seedWorkload().map((s) => [s.id, s.durationMs]));
  const plan = planUp(env, {
    target: 'kind',
    cachedImages: new Set(),
    groupImages: new Map([['services', ['datastorage', 'holmesgpt-api', 'aianalysis']]]),
    withTest: false,
    durations,
  });
  // Guard: the plan and the simulated workload must be the same graph with the same weights.
  const work = new Map(seedWorkload().map((s) => [s.id, s]));
  for (const step of plan.steps) {
    const w = work.get(step.id);
    if (!w || w.weight !== step.claims.engine || [...w.deps].sort().join() !== [...step.deps].sort().join()) {
      throw new Error(`tarmac's plan step ${step.id} does not match the seed workload`);
    }
  }
  if (plan.steps.length !== work.size) throw new Error('tarmac plan and seed workload differ in size');
  return plan;
}
