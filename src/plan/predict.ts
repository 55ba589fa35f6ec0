// What `tarmac plan` shows about a plan: each step's estimate and where it came from, the critical path,
// and the setup time the scheduler would take at each capacity (simulateSchedule). Pure.
import { fasterOrder } from './order-choice.js';
import { simulateSchedule } from './simulate.js';
import type { Plan, StepId } from './types.js';

/** Where a step's estimate comes from. */
export type EstimateSource = 'history' | 'default' | 'cached';

export interface PlannedStep {
  id: StepId;
  kind: string;
  subject: string;
  deps: StepId[];
  weight: number;
  cached: boolean;
  estimateMs: number;
  source: EstimateSource;
  priority: number;
}

export interface Prediction {
  capacity: number;
  /** When the test step would start (setup time), or the end when there is no test step. */
  setupMs: number;
  makespanMs: number;
  peakWeight: number;
}

export interface PlanPrediction {
  steps: PlannedStep[];
  criticalPath: StepId[];
  criticalPathMs: number;
  predictions: Prediction[];
}

/** The plan's steps with the source of each estimate, its critical path, and a simulated run per capacity. */
export function predictPlan(
  plan: Plan,
  durations: ReadonlyMap<StepId, number>,
  capacities: readonly number[],
): PlanPrediction {
  const steps = plan.steps.map((s): PlannedStep => ({
    id: s.id,
    kind: s.kind,
    subject: s.subject,
    deps: [...s.deps],
    weight: s.claims.engine,
    cached: s.cached,
    estimateMs: s.estimateMs,
    priority: s.priority,
    source: s.cached ? 'cached' : durations.has(s.id) ? 'history' : 'default',
  }));
  const predictions = capacities.map((capacity) => {
    // At each capacity as `up` would run it there: in the start order it would choose for that capacity.
    const sim = simulateSchedule(fasterOrder(plan, capacity).steps, capacity);
    return { capacity, setupMs: sim.setupMs, makespanMs: sim.makespanMs, peakWeight: sim.peakWeight };
  });
  return { steps, criticalPath: plan.criticalPath, criticalPathMs: plan.criticalPathMs, predictions };
}
