function findCycles(order, edges) {
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const seen = /* @__PURE__ */ new Set();
  const cycles = [];
  const visit = (root) => {
    const frames = [{ node: root, next: 0 }];
    state.set(root, "active");
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const targets = edges.get(frame.node) ?? [];
      if (frame.next >= targets.length) {
        frames.pop();
        stack.pop();
        state.set(frame.node, "done");
        continue;
      }
      const next = targets[frame.next];
      frame.next += 1;
      if (next === frame.node) continue;
      if (state.get(next) === "active") record(stack.slice(stack.indexOf(next)));
      else if (!state.has(next) && edges.has(next)) {
        state.set(next, "active");
        stack.push(next);
        frames.push({ node: next, next: 0 });
      }
    }
  };
  const record = (cycle) => {
    const start = cycle.reduce((best, n, i) => order.indexOf(n) < order.indexOf(cycle[best] ?? "") ? i : best, 0);
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
    const key = rotated.join("\0");
    if (!seen.has(key)) {
      seen.add(key);
      cycles.push(rotated);
    }
  };
  for (const node of order) if (!state.has(node)) visit(node);
  return cycles;
}
function formatCycle(cycle) {
  return [...cycle, cycle[0]].join(" -> ");
}
export {
  findCycles,
  formatCycle
};
//# sourceMappingURL=cycles.js.map
