function simulateWithCrashes(steps, policy, options = {}) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const s of steps)
    for (const d of s.deps)
      if (!byId.has(d)) throw new Error(`simulateWithCrashes: ${s.id} depends on unknown step ${d}`);
  const restartMs = options.restartMs ?? 0;
  const maxCrashes = options.maxCrashes ?? 3;
  const done = /* @__PURE__ */ new Set();
  const running = /* @__PURE__ */ new Map();
  const spans = [];
  let now = 0;
  let engineUpAt = 0;
  let crashes = 0;
  let peakWeight = 0;
  const weightNow = () => [...running.values()].reduce((sum, r) => sum + r.weight, 0);
  while (done.size < steps.length) {
    const ready = steps.filter((s) => !done.has(s.id) && !running.has(s.id) && s.deps.every((d) => done.has(d)));
    for (const id of policy({ now, ready, running: [...running.values()], done })) {
      const step = byId.get(id);
      if (!step || !ready.includes(step) || running.has(id))
        throw new Error(`simulateWithCrashes: the policy started ${id}, which is not ready`);
      if (step.weight > 0 && now < engineUpAt) continue;
      running.set(id, { id, weight: step.weight, startedAt: now, endsAt: now + step.durationMs });
    }
    peakWeight = Math.max(peakWeight, weightNow());
    if (options.crashAbove !== void 0 && weightNow() > options.crashAbove) {
      crashes += 1;
      for (const r of [...running.values()].filter((x) => x.weight > 0)) {
        spans.push({ id: r.id, start: r.startedAt, end: now, outcome: "crashed" });
        running.delete(r.id);
      }
      engineUpAt = now + restartMs;
      if (crashes >= maxCrashes) return { completed: false, makespanMs: now, crashes, spans, peakWeight };
    }
    const next = Math.min(...[...running.values()].map((r) => r.endsAt), engineUpAt > now ? engineUpAt : Infinity);
    if (next === Infinity) return { completed: false, makespanMs: now, crashes, spans, peakWeight };
    now = next;
    for (const r of [...running.values()].filter((x) => x.endsAt <= now)) {
      spans.push({ id: r.id, start: r.startedAt, end: r.endsAt, outcome: "done" });
      running.delete(r.id);
      done.add(r.id);
    }
  }
  return { completed: true, makespanMs: now, crashes, spans, peakWeight };
}
export {
  simulateWithCrashes
};
//# sourceMappingURL=simulate-crash.js.map
