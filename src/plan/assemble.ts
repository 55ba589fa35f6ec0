// Turns step drafts into a validated Plan: estimates, graph checks, priorities, critical path.
import { estimateMs, hasLearnedEstimate } from './estimates.js';
import { topoOrder } from './graph.js';
import { computePriorities, criticalPath } from './priorities.js';
import type { Plan, Step, StepId } from './types.js';

/** A step before the planner fills in its estimate and priority. */
export type StepDraft = Omit<Step, 'estimateMs' | 'estimateLearned' | 'priority'>;

/** Validates the drafts (throws PlanCycleError / PLAN_UNKNOWN_DEP) and returns them as a Plan in topological order. */
export function assemblePlan(drafts: readonly StepDraft[], durations?: ReadonlyMap<StepId, number>): Plan {
  const estimated = drafts.map((d) => ({
    ...d,
    estimateMs: estimateMs(d, durations),
    ...(hasLearnedEstimate(d, durations) ? { estimateLearned: true as const } : {}),
  }));
  // Order-only `after` edges (a suite waiting for memory) count for the order, not for priorities: they come from
  // a simulation that already ran the suites in priority order, and counting them would favour the suites waited for.
  const ordered = estimated.map((s) => (s.after?.length ? { ...s, deps: [...s.deps, ...s.after] } : s));
  const order = topoOrder(ordered);
  const priority = computePriorities(estimated, order);
  const byId = new Map(estimated.map((s) => [s.id, s]));
  const steps: Step[] = order.map((id) => ({ ...byId.get(id)!, priority: priority.get(id) ?? 0 }));
  const critical = criticalPath(estimated, order, priority);
  return { steps, criticalPath: critical.path, criticalPathMs: critical.ms };
}
