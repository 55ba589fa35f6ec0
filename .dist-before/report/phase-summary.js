const ORDER = ["build", "cluster", "deliver", "deploy", "hook", "test"];
function phaseFigures(events) {
  const kindOf = /* @__PURE__ */ new Map();
  const phases = /* @__PURE__ */ new Map();
  for (const e of events) {
    if (e.type === "run.started") {
      for (const s of e.steps) {
        kindOf.set(s.id, s.kind);
        const p = phases.get(s.kind) ?? { kind: s.kind, steps: 0, cached: 0, failed: 0, wallMs: 0 };
        p.steps += 1;
        phases.set(s.kind, p);
      }
    } else if (e.type === "step.started" || e.type === "step.finished") {
      const p = phases.get(kindOf.get(e.stepId) ?? "");
      if (!p) continue;
      if (e.type === "step.started") p.first = Math.min(p.first ?? e.at, e.at);
      else {
        if (e.state === "cached") p.cached += 1;
        if (e.state === "failed") p.failed += 1;
        if (e.durationMs > 0) p.last = Math.max(p.last ?? e.at, e.at);
      }
    }
  }
  return [...phases.values()].map(({ first, last, ...p }) => ({ ...p, wallMs: first !== void 0 && last !== void 0 ? last - first : 0 })).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
export {
  phaseFigures
};
//# sourceMappingURL=phase-summary.js.map
