// Test helpers for the host-wide lease: what several runs' journals say about the engine units held on the host.
import type { TarmacEvent } from '../events/types.js';

/** One stretch of time a step held engine units, [startAt, endAt). */
export interface Holding {
  stepId: string;
  run: number;
  units: number;
  startAt: number;
  /** Infinity for a step that never finished (its run was killed). */
  endAt: number;
}

/** The stretches from `step.started` to `step.finished` of every step in every journal. */
export function holdings(journals: readonly (readonly TarmacEvent[])[]): Holding[] {
  const all: Holding[] = [];
  journals.forEach((events, run) => {
    const open = new Map<string, Holding>();
    for (const e of events) {
      if (e.type === 'step.started') {
        const h: Holding = {
          stepId: e.stepId,
          run,
          units: e.claims.engine,
          startAt: e.at,
          endAt: Number.POSITIVE_INFINITY,
        };
        open.set(e.stepId, h);
        all.push(h);
      } else if (e.type === 'step.finished') {
        const h = open.get(e.stepId);
        if (h) h.endAt = e.at;
        open.delete(e.stepId);
      }
    }
  });
  return all;
}

/**
 * The most engine units held at once by all the runs together. Stretches are half-open: a step that finished in the
 * same millisecond another started did not overlap it (the lease is released after `step.finished` is written and
 * granted before `step.started` is).
 */
export function peakHostWeight(journals: readonly (readonly TarmacEvent[])[]): {
  peak: number;
  at: number;
  holders: Holding[];
} {
  const all = holdings(journals);
  let best = { peak: 0, at: 0, holders: [] as Holding[] };
  for (const h of all) {
    const holders = all.filter((o) => o.startAt <= h.startAt && h.startAt < o.endAt);
    const peak = holders.reduce((sum, o) => sum + o.units, 0);
    if (peak > best.peak) best = { peak, at: h.startAt, holders };
  }
  return best;
}
