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

/** Figures of one run recomputed from its journal, to check what history and stats report against. */
export function runFigures(events: TarmacEvent[]) {
  const first = events[0]!;
  const started = events.find((e) => e.type === 'run.started');
  const finished = events.find((e): e is Extract<TarmacEvent, { type: 'run.finished' }> => e.type === 'run.finished');
  const testStart = events.find((e) => e.type === 'step.started' && e.stepId === 'test');
  const kinds = new Map(started?.type === 'run.started' ? started.steps.map((s) => [s.id, s.kind]) : []);
  const last = new Map<string, string>();
  for (const e of events) if (e.type === 'step.finished') last.set(e.stepId, e.state);
  const lookups = [...last].filter(
    ([s, state]) =>
      ['build', 'cluster', 'deliver'].includes(kinds.get(s) ?? '') && ['cached', 'succeeded', 'failed'].includes(state),
  );
  const reported = events.find(
    (e): e is Extract<TarmacEvent, { type: 'tests.reported' }> => e.type === 'tests.reported',
  );
  return {
    events,
    capacity: started?.type === 'run.started' ? started.capacity : undefined,
    finished,
    reported,
    setupMs: testStart || finished ? (testStart ?? finished)!.at - first.at : undefined,
    testStarted: Boolean(testStart),
    cacheHits: lookups.filter(([, state]) => state === 'cached').length,
    cacheLookups: lookups.length,
    incidents: events.flatMap((e) => (e.type === 'incident' ? [e.kind] : [])),
  };
}
