import { formatSize } from "../config/size.js";
import { assemblePlan } from "./assemble.js";
import { simulateSchedule } from "./simulate.js";
function gateByMemory(drafts, input) {
  const budget = input.budgetBytes;
  const total = [...input.footprints.values()].reduce((a, b) => a + b, 0);
  if (budget === void 0 || total <= budget) return { drafts: [...drafts], waits: [] };
  const plan = assemblePlan(drafts, input.durations);
  const steps = plan.steps.map((s) => ({ ...s, deps: [...s.deps, ...s.after ?? []] }));
  const bySize = [...input.footprints].sort((a, b) => b[1] - a[1]).map(([suite]) => suite);
  let best;
  for (const order of [void 0, bySize]) {
    const trial = gateInOrder(drafts, steps, input, budget, order);
    if (!best || trial.makespanMs < best.makespanMs) best = trial;
  }
  return { drafts: best.drafts, waits: best.waits };
}
function gateInOrder(drafts, steps, input, budget, order) {
  const gate = memoryGate(steps, input.footprints, budget, order);
  const sim = simulateSchedule(steps, input.capacity, gate);
  const suiteOf = new Map(steps.map((s) => [s.id, s.suite]));
  const span = /* @__PURE__ */ new Map();
  for (const slot of sim.slots) {
    const suite = suiteOf.get(slot.id);
    if (suite === void 0) continue;
    const known = span.get(suite);
    span.set(suite, {
      start: Math.min(known?.start ?? Infinity, slot.startMs),
      end: Math.max(known?.end ?? -Infinity, slot.endMs)
    });
  }
  const lastSteps = (suite) => {
    const own = steps.filter((s) => s.suite === suite);
    return own.filter((s) => !own.some((o) => o.deps.includes(s.id))).map((s) => s.id);
  };
  const waitsFor = /* @__PURE__ */ new Map();
  for (const [suite, { start }] of span)
    waitsFor.set(
      suite,
      [...span].filter(([other, s]) => other !== suite && s.end <= start).map(([other]) => other)
    );
  const out = drafts.map((d) => {
    const after = d.kind === "cluster" && d.suite !== void 0 ? waitsFor.get(d.suite) ?? [] : [];
    return after.length === 0 ? d : { ...d, after: [...d.after ?? [], ...after.flatMap(lastSteps)] };
  });
  const waits = [...gate.blocked].map(([suite, heldBy]) => {
    const needsBytes = input.footprints.get(suite) ?? 0;
    const after = waitsFor.get(suite) ?? [];
    return {
      suite,
      needsBytes,
      budgetBytes: budget,
      after,
      startMs: span.get(suite)?.start ?? 0,
      reason: `${suite} needs ${formatSize(needsBytes)} of memory; ${heldBy} of the ${formatSize(budget)} budget; it starts after ${after.join(", ") || "the others"}`
    };
  });
  const planned = assemblePlan(out, input.durations).steps.map((s) => ({
    ...s,
    deps: [...s.deps, ...s.after ?? []]
  }));
  return { drafts: out, waits, makespanMs: simulateSchedule(planned, input.capacity).makespanMs };
}
function memoryGate(steps, footprints, budget, order) {
  const held = /* @__PURE__ */ new Map();
  const left = /* @__PURE__ */ new Map();
  for (const s of steps) if (s.suite !== void 0) left.set(s.suite, (left.get(s.suite) ?? 0) + 1);
  const blocked = /* @__PURE__ */ new Map();
  const done = /* @__PURE__ */ new Set();
  const inUse = () => [...held.values()].reduce((a, b) => a + b, 0);
  return {
    blocked,
    admit(step) {
      const suite = step.suite;
      if (suite === void 0 || held.has(suite) || done.has(suite)) return true;
      if (order && order.slice(0, order.indexOf(suite)).some((o) => !held.has(o) && !done.has(o))) return false;
      const need = footprints.get(suite) ?? 0;
      const fits = inUse() + need <= budget || held.size === 0;
      if (!fits && !blocked.has(suite))
        blocked.set(suite, `${formatSize(inUse())} held by ${[...held.keys()].join(", ")}`);
      return fits;
    },
    started(step) {
      if (step.suite !== void 0 && !held.has(step.suite)) held.set(step.suite, footprints.get(step.suite) ?? 0);
    },
    ended(step) {
      if (step.suite === void 0) return;
      const remaining = (left.get(step.suite) ?? 1) - 1;
      left.set(step.suite, remaining);
      if (remaining === 0) {
        held.delete(step.suite);
        done.add(step.suite);
      }
    }
  };
}
export {
  gateByMemory
};
//# sourceMappingURL=suites-memory.js.map
