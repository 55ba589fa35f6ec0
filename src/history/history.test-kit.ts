// Event streams for history tests: a small `up` run written as the scheduler would emit it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventInput, TarmacEvent } from '../events/types.js';
import { openRecorder } from './recorder.js';

/** A fresh history file path in a new temp dir. */
export function tempHistoryPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tarmac-history-')), 'history.db');
}

/** Records the events in the history file at `path` as `env`'s run (a database error fails the test). */
export function recordRun(path: string, env: string, events: readonly TarmacEvent[]): void {
  const rec = openRecorder({
    path,
    env,
    warn: (m) => {
      throw new Error(m);
    },
  });
  for (const e of events) rec.listener(e);
  rec.close();
}

/** Stamps events for `runId` at the given offsets from `t0`. */
export function stamp(runId: string, t0: number, events: readonly [number, EventInput][]): TarmacEvent[] {
  return events.map(([dt, e]) => ({ ...e, at: t0 + dt, runId }) as TarmacEvent);
}

const step = (
  id: string,
  kind: 'build' | 'cluster' | 'deliver' | 'deploy' | 'test',
  deps: string[],
  engine: number,
) => ({ id, kind, subject: id.split(':')[1] ?? id, deps, claims: { engine }, cached: false });

/** An `up` of two images: build:a (weight 1, 4 s), build:b (weight 2, waits for a: capacity 2), deploy, test with 2 cases. */
export function upRun(
  runId: string,
  t0: number,
  o: { bCached?: boolean; testFails?: boolean; inputs?: string; crash?: boolean; capacity?: number } = {},
): TarmacEvent[] {
  const events: [number, EventInput][] = [
    [0, { type: 'decision', message: 'target: podman' }],
    [
      100,
      {
        type: 'run.started',
        command: 'up',
        capacity: o.capacity ?? 2,
        target: 'podman',
        engine: { type: 'podman', endpoint: '' },
        steps: [
          step('build:a', 'build', [], 1),
          step('build:b', 'build', [], 2),
          step('cluster', 'cluster', [], 0),
          step('deploy:app', 'deploy', ['build:a', 'build:b', 'cluster'], 0),
          step('test', 'test', ['deploy:app'], 0),
        ],
      },
    ],
    [100, { type: 'step.started', stepId: 'build:a', claims: { engine: 1 }, attempt: 1 }],
    [100, { type: 'step.started', stepId: 'cluster', claims: { engine: 0 }, attempt: 1 }],
    [150, { type: 'step.output', stepId: 'build:a', line: 'STEP 1/2' }],
    [300, { type: 'step.finished', stepId: 'cluster', state: 'cached', durationMs: 200 }],
  ];
  if (o.crash)
    events.push([
      2_000,
      {
        type: 'incident',
        kind: 'engine-crash',
        cause: { type: 'engine-error', code: 'ENGINE_UNREACHABLE' },
        message: 'engine crashed',
        evidence: [],
        stepIds: ['build:a'],
        action: 'waiting',
      },
    ]);
  events.push([4_100, { type: 'step.finished', stepId: 'build:a', state: 'succeeded', durationMs: 4_000 }]);
  if (o.bCached) events.push([4_100, { type: 'step.finished', stepId: 'build:b', state: 'cached', durationMs: 0 }]);
  else {
    events.push([4_100, { type: 'step.started', stepId: 'build:b', claims: { engine: 2 }, attempt: 1 }]);
    events.push([10_100, { type: 'step.finished', stepId: 'build:b', state: 'succeeded', durationMs: 6_000 }]);
  }
  const t = o.bCached ? 4_100 : 10_100;
  events.push([t, { type: 'step.started', stepId: 'deploy:app', claims: { engine: 0 }, attempt: 1 }]);
  events.push([t + 1_000, { type: 'step.finished', stepId: 'deploy:app', state: 'succeeded', durationMs: 1_000 }]);
  events.push([t + 1_000, { type: 'step.started', stepId: 'test', claims: { engine: 0 }, attempt: 1 }]);
  events.push([
    t + 3_000,
    {
      type: 'tests.reported',
      stepId: 'test',
      inputs: o.inputs ?? 'in-1',
      exitCode: o.testFails ? 1 : 0,
      totals: { tests: 2, passed: o.testFails ? 1 : 2, failed: o.testFails ? 1 : 0, skipped: 0, errors: 0 },
      cases: [
        { id: 'suite.one', status: 'passed', timeMs: 10 },
        {
          id: 'suite.two',
          status: o.testFails ? 'failed' : 'passed',
          timeMs: 20,
          ...(o.testFails ? { message: 'boom' } : {}),
        },
      ],
    },
  ]);
  events.push([
    t + 3_000,
    { type: 'step.finished', stepId: 'test', state: o.testFails ? 'failed' : 'succeeded', durationMs: 2_000 },
  ]);
  events.push([
    t + 3_000,
    { type: 'run.finished', outcome: o.testFails ? 'failed' : 'succeeded', durationMs: t + 2_900 },
  ]);
  return stamp(runId, t0, events);
}
