// The memory budget for suites running side by side. A suite holds its footprint from its first cluster step to
// its last step. The suites are played on a virtual clock with a memory gate beside the engine budget; then each
// suite's cluster steps get order-only `after` edges on every suite that ended (in that run) before it started.
// Why that is safe whatever the real durations: of the suites running at any real moment, take the one that
// started last in the simulation; all the others were still running when it started there (it waits for every
// suite that had ended), and that set fit. Order-only edges keep failures isolated: a suite waiting for memory runs
// once the other suite has ended, however it ended. Pure.
import { formatSize } from '../config/size.js';
import { assemblePlan, type StepDraft } from './assemble.js';
import { footprintSourceText, type FootprintSource } from './suite-footprint.js';
import { suiteBlocks, suitesPacking } from './suites-packing.js';
import { simulateSchedule, type SimGate, type SimStep } from './simulate.js';
import type { Plan, StepId } from './types.js';

export interface MemoryGateInput {
  footprints: ReadonlyMap<string, number>;
  /** Where each footprint came from, said in the wait's reason. */
  sources?: ReadonlyMap<string, FootprintSource>;
  /** Absent: no memory limit, nothing waits. */
  budgetBytes: number | undefined;
  capacity: number;
  durations?: ReadonlyMap<StepId, number>;
}

/** A suite that starts later than it could because of memory, and why. */
export interface SuiteWait {
  suite: string;
  needsBytes: number;
  budgetBytes: number;
  /** Suites it waits for. */
  after: string[];
  /** When it would start in the simulation, ms from the start. */
  startMs: number;
  reason: string;
}

type GateStep = SimStep & { suite?: string };

/** Gated drafts, the suites that wait, and whether priorities should count the `after` edges (see assemblePlan). */
export interface GatedDrafts {
  drafts: StepDraft[];
  waits: SuiteWait[];
  priorityFollowsAfter: boolean;
}

/** The drafts with memory `after` edges added, and the suites that wait. */
export function gateByMemory(drafts: readonly StepDraft[], input: MemoryGateInput): GatedDrafts {
  const budget = input.budgetBytes;
  const total = [...input.footprints.values()].reduce((a, b) => a + b, 0);
  if (budget === undefined || total <= budget) return { drafts: [...drafts], waits: [], priorityFollowsAfter: false };
  const plan = assemblePlan(drafts, input.durations);
  const steps = asSimSteps(plan);
  // The suites' start order decides how well memory is packed. Tried: the scheduler's own (priority) order, the
  // largest footprints first, and the start order of the best packing of the suites as memory blocks (exhaustive up
  // to a few suites, greedy beyond: see suites-packing.ts). Each is judged by running its plan as the scheduler would, with
  // priorities as usual and following the memory edges; the plan that ends first is kept.
  const bySize = [...input.footprints].sort((a, b) => b[1] - a[1]).map(([suite]) => suite);
  const packed = suitesPacking(suiteBlocks(plan.steps, input.footprints), budget)?.order;
  let best: (GatedDrafts & { makespanMs: number }) | undefined;
  for (const order of [undefined, bySize, ...(packed ? [packed] : [])]) {
    const trial = gateInOrder(drafts, steps, input, budget, order);
    if (!best || trial.makespanMs < best.makespanMs) best = trial;
  }
  return { drafts: best!.drafts, waits: best!.waits, priorityFollowsAfter: best!.priorityFollowsAfter };
}

/** A plan's steps as the simulation runs them: `after` edges order like dependencies. */
function asSimSteps(plan: Plan): GateStep[] {
  return plan.steps.map((s) => ({ ...s, deps: [...s.deps, ...(s.after ?? [])] }));
}

function gateInOrder(
  drafts: readonly StepDraft[],
  steps: readonly GateStep[],
  input: MemoryGateInput,
  budget: number,
  order: readonly string[] | undefined,
): GatedDrafts & { makespanMs: number } {
  const gate = memoryGate(steps, input.footprints, budget, order);
  const sim = simulateSchedule(steps, input.capacity, gate);
  const suiteOf = new Map(steps.map((s) => [s.id, s.suite]));
  const span = new Map<string, { start: number; end: number }>();
  for (const slot of sim.slots) {
    const suite = suiteOf.get(slot.id);
    if (suite === undefined) continue;
    const known = span.get(suite);
    span.set(suite, {
      start: Math.min(known?.start ?? Infinity, slot.startMs),
      end: Math.max(known?.end ?? -Infinity, slot.endMs),
    });
  }
  const lastSteps = (suite: string): StepId[] => {
    const own = steps.filter((s) => s.suite === suite);
    return own.filter((s) => !own.some((o) => o.deps.includes(s.id))).map((s) => s.id);
  };
  const waitsFor = new Map<string, string[]>();
  for (const [suite, { start }] of span)
    waitsFor.set(
      suite,
      [...span].filter(([other, s]) => other !== suite && s.end <= start).map(([other]) => other),
    );
  const out = drafts.map((d) => {
    const after = d.kind === 'cluster' && d.suite !== undefined ? (waitsFor.get(d.suite) ?? []) : [];
    return after.length === 0 ? d : { ...d, after: [...(d.after ?? []), ...after.flatMap(lastSteps)] };
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
      reason: `${suite} needs ${formatSize(needsBytes)} of memory${sourceNote(input.sources?.get(suite))}; ${heldBy} of the ${formatSize(budget)} budget; it starts after ${after.join(', ') || 'the others'}`,
    };
  });
  // What counts is how the plan runs with its edges (the scheduler knows no memory), not the gated simulation; with
  // priorities as by default and as following the edges.
  const ends = [false, true].map(
    (follows) =>
      simulateSchedule(
        asSimSteps(assemblePlan(out, input.durations, { priorityFollowsAfter: follows })),
        input.capacity,
      ).makespanMs,
  );
  const priorityFollowsAfter = ends[1]! < ends[0]!;
  return { drafts: out, waits, priorityFollowsAfter, makespanMs: Math.min(...ends) };
}

function sourceNote(source: FootprintSource | undefined): string {
  return source ? ` (${footprintSourceText(source)})` : '';
}

/** Admits a suite's first step only when its footprint fits beside the suites holding memory. */
function memoryGate(
  steps: readonly GateStep[],
  footprints: ReadonlyMap<string, number>,
  budget: number,
  order?: readonly string[],
): SimGate<GateStep> & { blocked: Map<string, string> } {
  const held = new Map<string, number>();
  const left = new Map<string, number>();
  for (const s of steps) if (s.suite !== undefined) left.set(s.suite, (left.get(s.suite) ?? 0) + 1);
  const blocked = new Map<string, string>();
  const done = new Set<string>();
  const inUse = (): number => [...held.values()].reduce((a, b) => a + b, 0);
  return {
    blocked,
    admit(step) {
      const suite = step.suite;
      if (suite === undefined || held.has(suite) || done.has(suite)) return true;
      // In a given order, a suite starts only after every suite before it has.
      if (order && order.slice(0, order.indexOf(suite)).some((o) => !held.has(o) && !done.has(o))) return false;
      const need = footprints.get(suite) ?? 0;
      // Like an engine claim above capacity: a suite bigger than the budget runs alone.
      const fits = inUse() + need <= budget || held.size === 0;
      if (!fits && !blocked.has(suite))
        blocked.set(suite, `${formatSize(inUse())} held by ${[...held.keys()].join(', ')}`);
      return fits;
    },
    started(step) {
      if (step.suite !== undefined && !held.has(step.suite)) held.set(step.suite, footprints.get(step.suite) ?? 0);
    },
    ended(step) {
      if (step.suite === undefined) return;
      const remaining = (left.get(step.suite) ?? 1) - 1;
      left.set(step.suite, remaining);
      if (remaining === 0) {
        held.delete(step.suite);
        done.add(step.suite);
      }
    },
  };
}
