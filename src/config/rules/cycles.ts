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

  // Depth-first with an explicit stack (not recursion), so a chain of thousands of images cannot overflow
  // the call stack. Each frame is a node and the index of the next edge to follow.
  const visit = (root: string): void => {
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'active');
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.next >= targets.length) {
        frames.pop();
        stack.pop();
        state.set(frame.node, 'done');
        continue;
      }
      const next = targets[frame.next] as string;
      frame.next += 1;
      if (next === frame.node) continue;
      if (state.get(next) === 'active') record(stack.slice(stack.indexOf(next)));
      else if (!state.has(next) && edges.has(next)) {
        state.set(next, 'active');
        stack.push(next);
        frames.push({ node: next, next: 0 });
      }
    }
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
