// PURE: did a run change nothing? A warm `up` of an env already up must find every step in place: each planned step
// finished `cached` (no build, no delivery, no apply, no hook run), on the expected target, and the run succeeded.
// `npm run example -- --twice` (scripts/example-twice.mjs) reads the second up's journal and asks this.
import type { TarmacEvent } from '../events/types.js';

/** What a run did that a warm run must not: one line per problem; none means everything was cached. */
export function notCachedProblems(events: readonly TarmacEvent[], target: 'podman' | 'kind'): string[] {
  const started = events.find((e) => e.type === 'run.started');
  if (started?.type !== 'run.started') return ['the journal has no run.started event: the run never began'];
  const problems: string[] = [];
  if (started.target !== target) problems.push(`the run deployed to ${started.target}, not to ${target}`);
  if (started.steps.length === 0) problems.push('the run planned no step');
  const finished = new Map<string, Extract<TarmacEvent, { type: 'step.finished' }>>();
  for (const e of events) if (e.type === 'step.finished') finished.set(e.stepId, e);
  for (const step of started.steps) {
    const last = finished.get(step.id);
    if (!last) problems.push(`${step.id}: never finished`);
    else if (last.state !== 'cached')
      problems.push(`${step.id}: ${last.state}${last.detail === undefined ? '' : ` (${last.detail})`}`);
  }
  const end = events.find((e) => e.type === 'run.finished');
  if (end?.type !== 'run.finished') problems.push('the run did not finish (no run.finished event)');
  else if (end.outcome !== 'succeeded') problems.push(`the run ${end.outcome}`);
  return problems;
}
