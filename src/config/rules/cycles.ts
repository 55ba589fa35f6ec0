// Cycle detection for dependsOn (images) and after (deploy groups).

/**
 * Cycles in a directed graph, each reported once and rotated to start at the node that comes
 * first in `order` (so messages follow the file). Self-loops are the caller's to report.
 */
export function findCycles(order: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string): void => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (next === node) continue;
      if (state.get(next) === 'active') record(stack.slice(stack.indexOf(next)));
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };

  const record = (cycle: string[]): void => {
    const start = cycle.reduce((best, n, i) => (order.indexOf(n) < order.indexOf(cycle[best] ?? '') ? i : best), 0);
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
    const key = rotated.join('\0');
    if (!seen.has(key)) {
      seen.add(key);
      cycles.push(rotated);
    }
  };

  for (const node of order) if (!state.has(node)) visit(node);
  return cycles;
}

/** `a -> b -> c -> a` */
export function formatCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' -> ');
}
