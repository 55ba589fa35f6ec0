// Longest-remaining-path priorities: a step's priority is the time from its start to the end of the plan.
import { dependantsOf } from './graph.js';
import type { StepId } from './types.js';

/** The part of a step priorities depend on. */
export interface PriorityNode {
  id: StepId;
  deps: readonly StepId[];
  estimateMs: number;
}

/** Priority per step: its estimate plus the highest priority among its dependants. `order` is a topological order. */
export function computePriorities(nodes: readonly PriorityNode[], order: readonly StepId[]): Map<StepId, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dependants = dependantsOf(nodes);
  const priority = new Map<StepId, number>();
  // Walk from the last step back, so every dependant is scored before the steps it depends on.
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const after = (dependants.get(id) ?? []).map((d) => priority.get(d) ?? 0);
    priority.set(id, (byId.get(id)?.estimateMs ?? 0) + Math.max(0, ...after));
  }
  return priority;
}

/** The chain of steps that bounds the plan's duration, first to last, and its length in ms. */
export function criticalPath(
  nodes: readonly PriorityNode[],
  order: readonly StepId[],
  priority: ReadonlyMap<StepId, number>,
): { path: StepId[]; ms: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dependants = dependantsOf(nodes);
  const best = (ids: readonly StepId[]): StepId | undefined => {
    let found: StepId | undefined;
    for (const id of ids) if (found === undefined || (priority.get(id) ?? 0) > (priority.get(found) ?? 0)) found = id;
    return found;
  };
  // The highest priority always sits on a step without dependencies (a dependency's priority is at least as high).
  let current = best(order.filter((id) => (byId.get(id)?.deps.length ?? 0) === 0));
  const path: StepId[] = [];
  while (current !== undefined) {
    path.push(current);
    current = best(dependants.get(current) ?? []);
  }
  const first = path[0];
  return { path, ms: first === undefined ? 0 : (priority.get(first) ?? 0) };
}
