import { describe, expect, it } from 'vitest';
import type { RunStep, TarmacEvent } from '../events/types.js';
import { StepTable } from './step-table.js';
import { timeLeft } from './time-left.js';
import { waitReason } from './wait-reason.js';

type Event = TarmacEvent extends infer E ? (E extends unknown ? Omit<E, 'at' | 'runId'> : never) : never;

const step = (id: string, claim: number, more: Partial<RunStep> = {}): RunStep => ({
  id,
  kind: 'build',
  subject: id.split(':')[1] ?? id,
  deps: [],
  claims: { engine: claim },
  cached: false,
  ...more,
});

/** A table fed these events, each at `at` (default 0). */
function tableOf(steps: RunStep[], events: (Event & { at?: number })[] = [], capacity = 2): StepTable {
  const table = new StepTable();
  const base = { at: 0, runId: 'r' };
  table.apply({
    ...base,
    type: 'run.started',
    command: 'build',
    capacity,
    steps,
    target: 'none',
    engine: { type: 'podman', endpoint: '' },
  });
  for (const e of events) table.apply({ ...base, ...e } as TarmacEvent);
  return table;
}

const reason = (table: StepTable, id: string) => waitReason(table.rows.get(id)!, table);

describe('why a pending step waits', () => {
  it('names the dependencies that have not finished', () => {
    const table = tableOf([
      step('build:base', 1),
      step('build:a', 1, { deps: ['build:base'] }),
      step('deploy:apps', 0, { kind: 'deploy', deps: ['build:a', 'build:base'] }),
    ]);
    expect(reason(table, 'build:a')).toBe('waits for build:base');
    expect(reason(table, 'deploy:apps')).toBe('waits for build:a, build:base');
  });

  it('names order-only steps (after) until they end, however they end', () => {
    const table = tableOf(
      [step('test:one', 0, { kind: 'test' }), step('cluster:two', 1, { kind: 'cluster', after: ['test:one'] })],
      [{ type: 'step.started', stepId: 'test:one', claims: { engine: 0 }, attempt: 1 }],
    );
    expect(reason(table, 'cluster:two')).toBe('waits for test:one');
    table.apply({ at: 1, runId: 'r', type: 'step.finished', stepId: 'test:one', state: 'failed', durationMs: 1 });
    expect(reason(table, 'cluster:two')).toBe('waits to start');
  });

  it('says who holds the engine when its claim does not fit', () => {
    const table = tableOf(
      [step('build:holmesgpt-api', 2), step('build:datastorage', 1)],
      [
        { type: 'step.started', stepId: 'build:holmesgpt-api', claims: { engine: 2 }, attempt: 1 },
        { type: 'resource', name: 'engine', capacity: 2, inUse: 2 },
      ],
    );
    expect(reason(table, 'build:datastorage')).toBe('waits: engine 2/2 units in use by build:holmesgpt-api');
  });

  it('says which heavier step first in line the free units are kept for', () => {
    const table = tableOf(
      [step('build:small', 1, { priority: 5 }), step('build:heavy', 2, { priority: 9 }), step('build:x', 1)],
      [
        { type: 'step.started', stepId: 'build:small', claims: { engine: 1 }, attempt: 1 },
        { type: 'resource', name: 'engine', capacity: 2, inUse: 1 },
      ],
    );
    expect(reason(table, 'build:heavy')).toBe('waits: engine 1/2 units in use by build:small');
    expect(reason(table, 'build:x')).toBe('waits: engine units kept for build:heavy');
  });

  it("shows what the step reported while it waits (the host's engine lease), else that it waits to start", () => {
    const table = tableOf([step('build:a', 1)], [{ type: 'resource', name: 'engine', capacity: 2, inUse: 0 }]);
    expect(reason(table, 'build:a')).toBe('waits to start');
    table.apply({ at: 1, runId: 'r', type: 'step.output', stepId: 'build:a', line: 'host engine busy: 4/4 units' });
    expect(reason(table, 'build:a')).toBe('waits: host engine busy: 4/4 units');
  });
});

describe('the time left', () => {
  it('is unknown when no step left to run has a learned duration', () => {
    const table = tableOf([step('build:a', 1, { estimateMs: 60_000 })]);
    expect(timeLeft(table, 0)).toEqual({ known: false });
  });

  it('is simulated as `tarmac plan` does, with what running steps have left, and counts the learned steps', () => {
    const table = tableOf(
      [
        step('build:base', 1, { estimateMs: 1_000, estimateLearned: true, priority: 13_000 }),
        step('build:heavy', 2, { deps: ['build:base'], estimateMs: 10_000, estimateLearned: true, priority: 12_000 }),
        step('build:light', 1, { deps: ['build:base'], estimateMs: 2_000, estimateLearned: true, priority: 4_000 }),
        step('deploy:apps', 0, {
          kind: 'deploy',
          deps: ['build:heavy', 'build:light'],
          estimateMs: 2_000,
          priority: 2_000,
        }),
      ],
      [
        { type: 'step.finished', stepId: 'build:base', state: 'succeeded', durationMs: 1_000 },
        { type: 'step.started', stepId: 'build:heavy', claims: { engine: 2 }, attempt: 1, at: 1_000 },
      ],
    );
    // heavy has 10 - 4 = 6 s left, then light 2 s (it cannot share the engine), then the deploy 2 s.
    expect(timeLeft(table, 5_000)).toEqual({ known: true, ms: 10_000, learnedSteps: 2, steps: 3 });
  });

  it('is absent when nothing is left to run', () => {
    const table = tableOf(
      [step('build:a', 1, { estimateMs: 5, estimateLearned: true })],
      [{ type: 'step.finished', stepId: 'build:a', state: 'cached', durationMs: 0 }],
    );
    expect(timeLeft(table, 0)).toBeUndefined();
  });
});
