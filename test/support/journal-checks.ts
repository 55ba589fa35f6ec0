// Facts computed from a run's journal, for e2e assertions about scheduling.
import { readJournal } from '../../src/journal/reader.js';
import type { TarmacEvent } from '../../src/events/types.js';

/** The highest engine weight ever running at once, recomputed from step.started/step.finished events. */
export function peakRunningWeight(events: TarmacEvent[]): number {
  const claims = new Map<string, number>();
  let running = 0;
  let peak = 0;
  for (const e of events) {
    if (e.type === 'step.started') {
      claims.set(e.stepId, e.claims.engine);
      running += e.claims.engine;
      peak = Math.max(peak, running);
    } else if (e.type === 'step.finished' && claims.has(e.stepId)) {
      running -= claims.get(e.stepId) ?? 0;
      claims.delete(e.stepId);
    }
  }
  return peak;
}

/** Step ids in the order they started. */
export function startOrder(events: TarmacEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'step.started' ? [e.stepId] : []));
}

/** Final state per step id. */
export function finalStates(events: TarmacEvent[]): Record<string, string> {
  const states: Record<string, string> = {};
  for (const e of events) if (e.type === 'step.finished') states[e.stepId] = e.state;
  return states;
}

export { readJournal };
