// PURE: which order the scheduler should prefer among ready steps. Longest remaining path first is the default, and
// usually the best; it is not when a step takes the whole engine. Such a step runs alone, so the steps that can only
// run before or after it decide what overlaps it: a light build that unlocks a deploy (which takes no engine unit) is
// better run before the heavy build, so that the deploy runs beside it instead of after it. Each order is played on
// the simulated clock with the steps' estimates, and the one that ends first is kept (a tie keeps the default).
import { simulateSchedule } from './simulate.js';
import type { Plan } from './types.js';

/** The plan, its priorities changed only when letting whole-engine steps yield to the others simulates shorter. */
export function fasterOrder(plan: Plan, capacity: number): Plan {
  const exclusive = (claim: number) => claim > 0 && claim >= capacity;
  if (!plan.steps.some((s) => exclusive(s.claims.engine)) || plan.steps.every((s) => exclusive(s.claims.engine)))
    return plan;
  // Below every other step's priority, in the same order among themselves.
  const lowest = Math.max(0, ...plan.steps.map((s) => s.priority)) + 1;
  const yielding: Plan = {
    ...plan,
    steps: plan.steps.map((s) => (exclusive(s.claims.engine) ? { ...s, priority: s.priority - lowest } : s)),
  };
  return simulateSchedule(yielding.steps, capacity).makespanMs < simulateSchedule(plan.steps, capacity).makespanMs
    ? yielding
    : plan;
}
