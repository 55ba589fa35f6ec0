// Turns step drafts into a validated Plan: estimates, graph checks, priorities, critical path.
import { estimateMs, hasLearnedEstimate } from './estimates.js';
import { topoOrder } from './graph.js';
import { computePriorities, criticalPath } from './priorities.js';
import type { Plan, Step, StepId } from './types.js';

/** A step before the planner fills in its estimate and priority. */
export type StepDraft = Omit<Step, 'estimateMs' | 'estimateLearned' | 'priority'>;

/** How priorities are computed; the default leaves order-only `after` edges out. */
export interface AssembleOptions {
  /**
   * Count `after` edges in priorities too: a suite that others wait for then gets its steps first. The memory gate
   * (suites-memory.ts) sets it only when the plan it simulated that way ends sooner.
   */
  priorityFollowsAfter?: boolean;
}

/** Validates the drafts (throws PlanCycleError / PLAN_UNKNOWN_DEP) and returns them as a Plan in topological order. */
export function assemblePlan(
  drafts: readonly StepDraft[],
  durations?: ReadonlyMap<StepId, number>,
  options: AssembleOptions = {},
): Plan {
  const estimated = drafts.map((d) => ({
    ...d,
    estimateMs: estimateMs(d, durations),
    ...(hasLearnedEstimate(d, durations) ? { estimateLearned: true as const } : {}),
  }));
  // Order-only `after` edges (a suite waiting for memory) count for the order, and by default not for priorities:
  // they come from a simulation that already ran the suites in priority order.
  const ordered = estimated.map((s) => (s.after?.length ? { ...s, deps: [...s.deps, ...s.after] } : s));
  const order = topoOrder(ordered);
  const scored = options.priorityFollowsAfter ? ordered : estimated;
  const priority = computePriorities(scored, order);
  const byId = new Map(estimated.map((s) => [s.id, s]));
  const steps: Step[] = order.map((id) => ({ ...byId.get(id)!, priority: priority.get(id) ?? 0 }));
  const critical = criticalPath(scored, order, priority);
  return { steps, criticalPath: critical.path, criticalPathMs: critical.ms };
}
