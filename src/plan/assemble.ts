// Turns step drafts into a validated Plan: estimates, graph checks, priorities, critical path.
import { estimateMs } from './estimates.js';
import { topoOrder } from './graph.js';
import { computePriorities, criticalPath } from './priorities.js';
import type { Plan, Step, StepId } from './types.js';

/** A step before the planner fills in its estimate and priority. */
export type StepDraft = Omit<Step, 'estimateMs' | 'priority'>;

/** Validates the drafts (throws PlanCycleError / PLAN_UNKNOWN_DEP) and returns them as a Plan in topological order. */
export function assemblePlan(drafts: readonly StepDraft[], durations?: ReadonlyMap<StepId, number>): Plan {
  const estimated = drafts.map((d) => ({ ...d, estimateMs: estimateMs(d, durations) }));
  // Order-only `after` edges order and prioritise like dependencies; they differ only in how a failure spreads.
  const ordered = estimated.map((s) => (s.after?.length ? { ...s, deps: [...s.deps, ...s.after] } : s));
  const order = topoOrder(ordered);
  const priority = computePriorities(ordered, order);
  const byId = new Map(estimated.map((s) => [s.id, s]));
  const steps: Step[] = order.map((id) => ({ ...byId.get(id)!, priority: priority.get(id) ?? 0 }));
  const critical = criticalPath(ordered, order, priority);
  return { steps, criticalPath: critical.path, criticalPathMs: critical.ms };
}
