import { computePriorities } from "./priorities.js";
function optimumSchedule(steps, options = {}) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const order = topo(steps);
  const tailAndSelf = computePriorities(
    steps.map((s) => ({ id: s.id, deps: s.deps, estimateMs: s.durationMs })),
    order
  );
  const tailAfter = (id) => tailAndSelf.get(id) - byId.get(id).durationMs;
  const restartMs = options.restartMs ?? 0;
  const maxCrashes = options.maxCrashes ?? 3;
  let best = { makespanMs: Infinity, spans: [], crashes: 0, nodes: 0 };
  let nodes = 0;
  const lowerBound = (s) => {
    let lb = s.now;
    for (const r of s.running) lb = Math.max(lb, r.end + tailAfter(r.id));
    let work = s.running.reduce((sum, r) => sum + r.weight * (r.end - s.now), 0);
    for (const step2 of steps) {
      if (s.done.has(step2.id) || s.running.some((r) => r.id === step2.id)) continue;
      lb = Math.max(lb, (step2.weight > 0 ? Math.max(s.now, s.engineUpAt) : s.now) + tailAndSelf.get(step2.id));
      work += step2.weight * step2.durationMs;
    }
    if (options.crashAbove !== void 0 && options.crashAbove > 0)
      lb = Math.max(lb, s.now + work / options.crashAbove);
    return lb;
  };
  const explore = (s) => {
    nodes += 1;
    if (s.done.size === steps.length) {
      if (s.now < best.makespanMs) best = { makespanMs: s.now, spans: [...s.spans], crashes: s.crashes, nodes: 0 };
      return;
    }
    if (lowerBound(s) >= best.makespanMs) return;
    const ready = steps.filter((x) => !s.done.has(x.id) && !s.running.some((r) => r.id === x.id) && x.deps.every((d) => s.done.has(d))).filter((x) => x.weight === 0 || s.now >= s.engineUpAt);
    const subsets = [];
    for (let mask = (1 << ready.length) - 1; mask >= 0; mask -= 1)
      subsets.push(ready.filter((_, i) => (mask & 1 << i) !== 0));
    const load = (set) => s.running.reduce((a, r) => a + r.weight, 0) + set.reduce((a, x) => a + x.weight, 0);
    const crashes = (set) => options.crashAbove !== void 0 && load(set) > options.crashAbove;
    subsets.sort((a, b) => Number(crashes(a)) - Number(crashes(b)) || b.length - a.length);
    for (const set of subsets) {
      const child = step(s, set, crashes(set));
      if (child) explore(child);
    }
  };
  const step = (s, set, crash) => {
    let running = [
      ...s.running,
      ...set.map((x) => ({ id: x.id, weight: x.weight, start: s.now, end: s.now + x.durationMs }))
    ];
    let spans = [...s.spans];
    let engineUpAt = s.engineUpAt;
    let crashCount = s.crashes;
    if (crash) {
      if (crashCount + 1 > maxCrashes) return void 0;
      crashCount += 1;
      spans = [
        ...spans,
        ...running.filter((r) => r.weight > 0).map((r) => ({ id: r.id, start: r.start, end: s.now, outcome: "crashed" }))
      ];
      running = running.filter((r) => r.weight === 0);
      engineUpAt = s.now + restartMs;
    }
    const next = Math.min(...running.map((r) => r.end), engineUpAt > s.now ? engineUpAt : Infinity);
    if (next === Infinity) return void 0;
    const done = new Set(s.done);
    for (const r of running.filter((x) => x.end <= next)) {
      done.add(r.id);
      spans.push({ id: r.id, start: r.start, end: r.end, outcome: "done" });
    }
    return { now: next, done, running: running.filter((x) => x.end > next), engineUpAt, spans, crashes: crashCount };
  };
  explore({ now: 0, done: /* @__PURE__ */ new Set(), running: [], engineUpAt: 0, spans: [], crashes: 0 });
  return { ...best, nodes };
}
function topo(steps) {
  const order = [];
  const placed = /* @__PURE__ */ new Set();
  while (order.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.id) && s.deps.every((d) => placed.has(d)));
    if (!next) throw new Error("optimumSchedule: the steps have a cycle or an unknown dependency");
    placed.add(next.id);
    order.push(next.id);
  }
  return order;
}
export {
  optimumSchedule
};
//# sourceMappingURL=simulate-optimum.js.map
