import { stepsToStart } from "./admission.js";
function simulateSchedule(steps, capacity, gate) {
  const rank = new Map(steps.map((s, i) => [s.id, i]));
  const endAt = /* @__PURE__ */ new Map();
  const running = /* @__PURE__ */ new Map();
  const slots = [];
  let now = 0;
  let peak = 0;
  let inUse = 0;
  const pending = new Set(steps.map((s) => s.id));
  const start = (step, duration) => {
    pending.delete(step.id);
    slots.push({ id: step.id, startMs: now, endMs: now + duration });
    running.set(step.id, { step, startMs: now, endMs: now + duration });
    inUse += Math.max(0, step.claims.engine);
    peak = Math.max(peak, inUse);
  };
  for (; ; ) {
    let settled = true;
    while (settled) {
      settled = false;
      for (const step of steps) {
        if (pending.has(step.id) && step.cached && step.deps.every((d) => endAt.has(d))) {
          pending.delete(step.id);
          slots.push({ id: step.id, startMs: now, endMs: now });
          endAt.set(step.id, now);
          settled = true;
        }
      }
    }
    const ready = steps.filter(
      (s) => pending.has(s.id) && s.deps.every((d) => endAt.has(d)) && (gate?.admit(s, now) ?? true)
    );
    const holders = [...running.values()].map((r) => ({ claim: r.step.claims.engine, expectedEndAt: r.endMs }));
    for (const step of stepsToStart(ready, holders, capacity, now, rank)) {
      if (gate && !gate.admit(step, now)) continue;
      gate?.started(step, now);
      start(step, Math.max(0, step.estimateMs));
    }
    if (running.size === 0) break;
    now = Math.min(...[...running.values()].map((r) => r.endMs));
    for (const [id, r] of running) {
      if (r.endMs !== now) continue;
      running.delete(id);
      endAt.set(id, now);
      inUse -= Math.max(0, r.step.claims.engine);
      gate?.ended(r.step, now);
    }
  }
  const makespanMs = Math.max(0, ...slots.map((s) => s.endMs));
  const test = slots.find((s) => steps[rank.get(s.id)]?.kind === "test");
  return { makespanMs, setupMs: test ? test.startMs : makespanMs, slots, peakWeight: peak };
}
export {
  simulateSchedule
};
//# sourceMappingURL=simulate.js.map
