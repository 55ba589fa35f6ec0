// Dependency-graph checks for plans: unknown dependencies, cycles (named), topological order.
import { TarmacError, ExitCode } from '../errors/errors.js';
import type { StepId } from './types.js';

/** The part of a step the graph functions need. */
export interface GraphNode {
  id: StepId;
  deps: readonly StepId[];
}

/** A plan whose dependencies go round in a circle; the message names the circle. */
export class PlanCycleError extends TarmacError {
  readonly cycle: StepId[];
  constructor(cycle: StepId[]) {
    super('PLAN_CYCLE', `dependency cycle: ${cycle.join(' -> ')}`, {
      exitCode: ExitCode.usage,
      hint: 'Remove one of the dependencies in the cycle (images: `dependsOn`, deploy groups: `after`).',
    });
    this.name = 'PlanCycleError';
    this.cycle = cycle;
  }
}

/** Throws when a step id is used twice or a dependency names no step of the plan. */
export function checkReferences(nodes: readonly GraphNode[]): void {
  const ids = new Set<StepId>();
  for (const node of nodes) {
    if (ids.has(node.id))
      throw new TarmacError('PLAN_DUPLICATE_STEP', `step ${node.id} appears twice in the plan`, {
        exitCode: ExitCode.internal,
      });
    ids.add(node.id);
  }
  for (const node of nodes) {
    for (const dep of node.deps) {
      if (!ids.has(dep)) {
        throw new TarmacError('PLAN_UNKNOWN_DEP', `step ${node.id} depends on ${dep}, which is not in the plan`, {
          exitCode: ExitCode.usage,
          hint: 'Check the names in `dependsOn` / `after`.',
        });
      }
    }
  }
}

/** A cycle as a closed path (`[a, b, a]`), or undefined when the graph is acyclic. Unknown deps are ignored. */
export function findCycle(nodes: readonly GraphNode[]): StepId[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // 1 = on the current DFS path, 2 = fully explored.
  const mark = new Map<StepId, 1 | 2>();
  const path: StepId[] = [];
  // Iterative DFS so deep chains cannot overflow the stack.
  for (const start of nodes) {
    if (mark.has(start.id)) continue;
    const stack: { id: StepId; next: number }[] = [{ id: start.id, next: 0 }];
    mark.set(start.id, 1);
    path.push(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = byId.get(top.id)?.deps ?? [];
      if (top.next >= deps.length) {
        mark.set(top.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const dep = deps[top.next++]!;
      if (!byId.has(dep) || mark.get(dep) === 2) continue;
      if (mark.get(dep) === 1) {
        // The path runs from dependant to dependency; report it as "a depends on b depends on ... a".
        return [...path.slice(path.indexOf(dep)), dep];
      }
      mark.set(dep, 1);
      path.push(dep);
      stack.push({ id: dep, next: 0 });
    }
  }
  return undefined;
}

/** Step ids with every dependency before its dependants; ties keep input order. Throws PlanCycleError. */
export function topoOrder(nodes: readonly GraphNode[]): StepId[] {
  checkReferences(nodes);
  const cycle = findCycle(nodes);
  if (cycle) throw new PlanCycleError(cycle);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const waiting = new Map(nodes.map((n) => [n.id, new Set(n.deps).size]));
  const dependants = dependantsOf(nodes);
  const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  const order: StepId[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const next of dependants.get(id) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return order;
}

/** For each step, the steps that depend on it directly (deduplicated, in input order). */
export function dependantsOf(nodes: readonly GraphNode[]): Map<StepId, StepId[]> {
  const result = new Map<StepId, StepId[]>(nodes.map((n) => [n.id, []]));
  for (const node of nodes) {
    for (const dep of new Set(node.deps)) result.get(dep)?.push(node.id);
  }
  return result;
}
