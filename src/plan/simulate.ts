// Predicts a run's timeline from step estimates: the scheduler's own ordering (priority, then weight,
// then plan order) and admission policy (admission.ts), played on a virtual clock. Pure.
import { stepsToStart } from './admission.js';
import type { StepId } from './types.js';

/** The part of a plan step the simulation needs (a Plan's `Step` fits). */
export interface SimStep {
  id: StepId;
  kind?: string;
  deps: readonly StepId[];
  claims: { engine: number };
  estimateMs: number;
  priority: number;
  /** Cached steps finish the moment their dependencies have, taking nothing. */
  cached?: boolean;
}

/** One step's place on the simulated timeline, ms from the start. */
export interface SimSlot {
  id: StepId;
  startMs: number;
  endMs: number;
}

export interface SimResult {
  /** When the last step ends. */
  makespanMs: number;
  /** When the first `test` step starts (the setup time), else the makespan. */
  setupMs: number;
  /** Every step, in start order. */
  slots: SimSlot[];
  /** The highest engine weight running at once. */
  peakWeight: number;
}

/** A second admission rule beside the engine's (e.g. the suites' memory budget); `admit` sees each start in turn. */
export interface SimGate<S extends SimStep = SimStep> {
  admit(step: S, nowMs: number): boolean;
  started(step: S, nowMs: number): void;
  ended(step: S, nowMs: number): void;
}

/** Simulates running `steps` (in plan order) under `capacity` engine units, as the scheduler would. */
export function simulateSchedule<S extends SimStep>(
  steps: readonly S[],
  capacity: number,
  gate?: SimGate<S>,
): SimResult {
  const rank = new Map(steps.map((s, i) => [s.id, i]));
  const endAt = new Map<StepId, number>();
  const running = new Map<StepId, { step: S; startMs: number; endMs: number }>();
  const slots: SimSlot[] = [];
  let now = 0;
  let peak = 0;
  let inUse = 0;
  const pending = new Set(steps.map((s) => s.id));
  const start = (step: S, duration: number): void => {
    pending.delete(step.id);
    slots.push({ id: step.id, startMs: now, endMs: now + duration });
    running.set(step.id, { step, startMs: now, endMs: now + duration });
    inUse += Math.max(0, step.claims.engine);
    peak = Math.max(peak, inUse);
  };
  for (;;) {
    // Settle cached steps whose dependencies are done (the scheduler does so without claiming anything).
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
      (s) => pending.has(s.id) && s.deps.every((d) => endAt.has(d)) && (gate?.admit(s, now) ?? true),
    );
    const holders = [...running.values()].map((r) => ({ claim: r.step.claims.engine, expectedEndAt: r.endMs }));
    for (const step of stepsToStart(ready, holders, capacity, now, rank)) {
      // Steps admitted together are checked one by one: the first may use what the next needed.
      if (gate && !gate.admit(step, now)) continue;
      gate?.started(step, now);
      start(step, Math.max(0, step.estimateMs));
    }
    if (running.size === 0) break;
    // Advance to the next end; every step ending at that instant finishes before the next decision.
    now = Math.min(...[...running.values()].map((r) => r.endMs));
    for (const [id, r] of running) {
      if (r.endMs !== now) continue;
      running.delete(id);
      endAt.set(id, now);
      inUse -= Math.max(0, r.step.claims.engine);
      gate?.ended(r.step, now);
    }
  }
  // Steps left pending have a dependency that is not in the list; they never run, as in the scheduler.
  const makespanMs = Math.max(0, ...slots.map((s) => s.endMs));
  const test = slots.find((s) => steps[rank.get(s.id)!]?.kind === 'test');
  return { makespanMs, setupMs: test ? test.startMs : makespanMs, slots, peakWeight: peak };
}
