// What `tarmac plan --suites` and `tarmac ci matrix` predict for suites: the chosen suites side by side in one plan
// at the host budget, against the same suites one after another (each its own plan; images built by an earlier
// suite are found cached, or, as in a project where every suite builds its own, built again). Pure.
import type { Env } from '../config/types.js';
import type { SuiteCost } from './ci-matrix.js';
import { simulateSchedule } from './simulate.js';
import { planSuites, suiteTestStepId, type SuitesPlanInput } from './suites-plan.js';
import type { SuiteWait } from './suites-memory.js';
import type { FootprintSource } from './suite-footprint.js';
import type { Plan } from './types.js';

export interface SuiteTimes {
  suite: string;
  /** When its test step starts in the side-by-side run. */
  setupMs: number;
  /** When its last step ends in the side-by-side run. */
  endMs: number;
  /** Its own run alone, building every image it needs. */
  aloneMs: number;
  /** Its memory footprint in bytes, and where that came from. */
  memoryBytes: number;
  memorySource: FootprintSource;
}

export interface SuitesPrediction {
  capacity: number;
  memoryBytes?: number;
  sideBySideMs: number;
  /** One after another, each reusing the images built before it. */
  sequentialMs: number;
  /** One after another, each building all its images. */
  sequentialColdMs: number;
  peakWeight: number;
  suites: SuiteTimes[];
  waits: SuiteWait[];
}

/** Simulates a plan the way the scheduler runs it: `after` edges order like dependencies. */
export function simulatePlan(plan: Plan, capacity: number): ReturnType<typeof simulateSchedule> {
  return simulateSchedule(
    plan.steps.map((s) => ({ ...s, deps: [...s.deps, ...(s.after ?? [])] })),
    capacity,
  );
}

/** Side by side against one after another, for the suites in `input.suites`. */
export function predictSuites(env: Env, input: SuitesPlanInput): SuitesPrediction {
  const together = planSuites(env, input);
  const sim = simulatePlan(together.plan, env.capacity);
  const suiteOf = new Map(together.plan.steps.map((s) => [s.id, s.suite]));
  let sequentialMs = 0;
  let sequentialColdMs = 0;
  const built = new Set(input.cachedImages);
  const suites = together.suites.map((suite) => {
    const alone = (cached: ReadonlySet<string>): number =>
      simulatePlan(planSuites(env, { ...input, suites: [suite.name], cachedImages: cached }).plan, env.capacity)
        .makespanMs;
    const aloneMs = alone(input.cachedImages);
    sequentialColdMs += aloneMs;
    sequentialMs += alone(built);
    for (const image of suite.images) built.add(image);
    const own = sim.slots.filter((s) => suiteOf.get(s.id) === suite.name);
    const test = own.find((s) => s.id === suiteTestStepId(suite.name));
    const endMs = Math.max(0, ...own.map((s) => s.endMs));
    return {
      suite: suite.name,
      setupMs: test?.startMs ?? endMs,
      endMs,
      aloneMs,
      memoryBytes: together.footprints.get(suite.name)!,
      memorySource: together.footprintSources.get(suite.name)!,
    };
  });
  return {
    capacity: env.capacity,
    ...(env.memoryBytes !== undefined ? { memoryBytes: env.memoryBytes } : {}),
    sideBySideMs: sim.makespanMs,
    sequentialMs,
    sequentialColdMs,
    peakWeight: sim.peakWeight,
    suites,
    waits: together.waits,
  };
}

/** Each suite's cost as one CI job that pulls its images (nothing is built): setup, then its tests. */
export function suiteCosts(env: Env, input: Omit<SuitesPlanInput, 'cachedImages'>): SuiteCost[] {
  const allCached = new Set(env.images.map((i) => i.name));
  return input.suites.map((name) => {
    const { plan } = planSuites(env, { ...input, suites: [name], cachedImages: allCached });
    const sim = simulatePlan(plan, env.capacity);
    const testMs = plan.steps.find((s) => s.id === suiteTestStepId(name))?.estimateMs ?? 0;
    return { suite: name, setupMs: sim.setupMs, testMs };
  });
}
