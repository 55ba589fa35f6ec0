// The warm-run verdict from journal events: all cached is no problem; anything built, applied, run, failed or never
// finished is named with its state and detail; a wrong target, a failed or unfinished run are problems too.
import { describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../events/types.js';
import { notCachedProblems } from './all-cached.js';

const base = { at: 1, runId: 'r1' };
const step = (id: string, kind: 'build' | 'deliver' | 'deploy' | 'hook' | 'cluster') => ({
  id,
  kind,
  subject: id,
  deps: [],
  claims: { engine: 1 },
  cached: false,
});

function run(
  finished: [string, 'succeeded' | 'cached' | 'failed', string?][],
  opts: { target?: 'podman' | 'kind'; outcome?: 'succeeded' | 'failed' | undefined } = {},
): TarmacEvent[] {
  const events: TarmacEvent[] = [
    {
      ...base,
      type: 'run.started',
      command: 'up',
      capacity: 2,
      steps: [step('build:base', 'build'), step('deliver:base', 'deliver'), step('hook:data/seed', 'hook')],
      target: opts.target ?? 'podman',
      engine: { type: 'podman', endpoint: '' },
    },
  ];
  for (const [stepId, state, detail] of finished)
    events.push({ ...base, type: 'step.finished', stepId, state, durationMs: 5, ...(detail ? { detail } : {}) });
  const outcome = 'outcome' in opts ? opts.outcome : 'succeeded';
  if (outcome) events.push({ ...base, type: 'run.finished', outcome, durationMs: 10 });
  return events;
}

describe('notCachedProblems', () => {
  it('finds none when every planned step finished cached on the expected target', () => {
    const events = run([
      ['build:base', 'cached'],
      ['deliver:base', 'cached', 'localhost/base:tm-1 already there'],
      ['hook:data/seed', 'cached', 'deploy:data was cached, not applied'],
    ]);
    expect(notCachedProblems(events, 'podman')).toEqual([]);
  });

  it('names each step that did work, with its state and detail, and one that never finished', () => {
    const events = run([
      ['build:base', 'succeeded'],
      ['deliver:base', 'cached'],
      ['deliver:base', 'succeeded', 'loaded localhost/base:tm-1'],
    ]);
    expect(notCachedProblems(events, 'podman')).toEqual([
      'build:base: succeeded',
      'deliver:base: succeeded (loaded localhost/base:tm-1)',
      'hook:data/seed: never finished',
    ]);
  });

  it('flags another target, a failed run and a run that never finished', () => {
    const all: [string, 'cached'][] = [
      ['build:base', 'cached'],
      ['deliver:base', 'cached'],
      ['hook:data/seed', 'cached'],
    ];
    expect(notCachedProblems(run(all, { target: 'kind' }), 'podman')).toEqual([
      'the run deployed to kind, not to podman',
    ]);
    expect(notCachedProblems(run(all, { outcome: 'failed' }), 'podman')).toEqual(['the run failed']);
    expect(notCachedProblems(run(all, { outcome: undefined }), 'podman')).toEqual([
      'the run did not finish (no run.finished event)',
    ]);
  });

  it('refuses a journal without a run.started and a run that planned nothing', () => {
    expect(notCachedProblems([], 'podman')).toEqual(['the journal has no run.started event: the run never began']);
    const empty = run([]).map((e) => (e.type === 'run.started' ? { ...e, steps: [] } : e));
    expect(notCachedProblems(empty, 'podman')).toEqual(['the run planned no step']);
  });
});
