import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { planBuild } from '../plan/build-plan.js';
import { draft, exampleEnv } from '../plan/plan.test-kit.js';
import { runPlan, Scheduler } from './scheduler.js';
import {
  FakeExecutor,
  capacityViolations,
  eventsOf,
  flush,
  maxConcurrent,
  planOf,
  testBus,
} from './scheduler.test-kit.js';

const deps = (fake: FakeExecutor, capacity = 2, signal = new AbortController().signal) => ({
  bus: testBus(),
  capacity,
  signal,
  execute: fake.execute,
  heartbeatMs: 15_000,
});

describe('runPlan: the example build', () => {
  it('starts the heavy holmesgpt-api first and never exceeds the capacity', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake);
    const done = runPlan(planBuild(exampleEnv(), { cachedImages: new Set() }), d);
    await fake.whenStarted('build:base');
    expect(fake.running()).toEqual(['build:base']);
    fake.succeed('build:base');
    await flush();
    // holmesgpt-api claims both units; the two light builds wait for it.
    expect(fake.running()).toEqual(['build:holmesgpt-api']);
    fake.succeed('build:holmesgpt-api');
    await flush();
    expect(fake.running()).toEqual(['build:datastorage', 'build:aianalysis']);
    fake.succeed('build:datastorage');
    fake.succeed('build:aianalysis');
    const summary = await done;

    expect(summary.outcome).toBe('succeeded');
    expect(fake.started).toEqual(['build:base', 'build:holmesgpt-api', 'build:datastorage', 'build:aianalysis']);
    const events = d.bus.history;
    expect(capacityViolations(events)).toEqual([]);
    expect(Math.max(...eventsOf(events, 'resource').map((e) => e.inUse))).toBe(2);
    expect(eventsOf(events, 'resource').at(-1)).toMatchObject({ inUse: 0, capacity: 2 });
    expect(eventsOf(events, 'step.started')[1]).toMatchObject({
      stepId: 'build:holmesgpt-api',
      claims: { engine: 2 },
      attempt: 1,
    });
  });

  it('does not emit run.started or run.finished (the command does)', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake);
    const done = runPlan(planOf([draft('build:a')]), d);
    await fake.whenStarted('build:a');
    fake.succeed('build:a');
    await done;
    expect(d.bus.history.filter((e) => e.type === 'run.started' || e.type === 'run.finished')).toEqual([]);
  });
});

describe('runPlan: capacity', () => {
  it('runs a step heavier than the capacity alone', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake, 2);
    const plan = planOf([draft('build:big', [], { claims: { engine: 3 } }), draft('build:s1'), draft('build:s2')]);
    const done = runPlan(plan, d);
    await fake.whenStarted('build:big');
    await flush();
    expect(fake.running()).toEqual(['build:big']);
    fake.succeed('build:big');
    await flush();
    expect(fake.running()).toEqual(['build:s1', 'build:s2']);
    fake.succeed('build:s1');
    fake.succeed('build:s2');
    await done;
    const events = d.bus.history;
    expect(capacityViolations(events)).toEqual([]);
    expect(eventsOf(events, 'resource').map((e) => e.inUse)).toEqual([0, 3, 0, 1, 2, 1, 0]);
  });

  it('runs as many steps as fit side by side', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake, 3);
    const done = runPlan(planOf(['a', 'b', 'c', 'd', 'e'].map((x) => draft(`build:${x}`))), d);
    await flush();
    expect(fake.running()).toHaveLength(3);
    while (fake.running().length > 0) {
      for (const id of fake.running()) fake.succeed(id);
      await flush();
    }
    await done;
    expect(maxConcurrent(d.bus.history)).toBe(3);
    expect(capacityViolations(d.bus.history)).toEqual([]);
  });

  it('admits waiting steps when the capacity is raised at runtime, and emits the change', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake, 1);
    const scheduler = new Scheduler(planOf([draft('build:a'), draft('build:b')]), d);
    const done = scheduler.run();
    await flush();
    expect(fake.running()).toEqual(['build:a']);
    scheduler.engine.setCapacity(2);
    await flush();
    expect(fake.running()).toEqual(['build:a', 'build:b']);
    fake.succeed('build:a');
    fake.succeed('build:b');
    await done;
    expect(eventsOf(d.bus.history, 'resource').map((e) => [e.capacity, e.inUse])).toContainEqual([2, 1]);
  });

  it.each([
    { quickMs: 1_000, backfills: true },
    { quickMs: 700_000, backfills: false },
  ])(
    'lets a light step backfill only when it will not delay the blocked heavy one (quick: $quickMs ms)',
    async ({ quickMs, backfills }) => {
      const fake = new FakeExecutor();
      const d = deps(fake, 2);
      // `long` holds one unit for 10 min; `heavy` (higher priority) needs both; `quick` may use the other unit
      // only if it ends before `long` does. The zero-claim gates make `heavy` and `quick` ready while `long` runs.
      const plan = planOf(
        [
          draft('build:long', [], { claims: { engine: 1 } }),
          draft('build:gate', [], { claims: { engine: 0 } }),
          draft('build:heavy', ['build:gate'], { claims: { engine: 2 } }),
          draft('build:gate2', [], { claims: { engine: 0 } }),
          draft('build:quick', ['build:gate2'], { claims: { engine: 1 } }),
        ],
        new Map([
          ['build:long', 600_000],
          ['build:heavy', 900_000],
          ['build:quick', quickMs],
          ['build:gate', 0],
          ['build:gate2', 0],
        ]),
      );
      const done = runPlan(plan, d);
      await flush();
      fake.succeed('build:gate');
      fake.succeed('build:gate2');
      await flush();
      expect(fake.running()).toEqual(backfills ? ['build:long', 'build:quick'] : ['build:long']);
      fake.succeed('build:long');
      if (backfills) fake.succeed('build:quick');
      await flush();
      expect(fake.running()).toEqual(['build:heavy']);
      fake.succeed('build:heavy');
      await flush();
      if (!backfills) fake.succeed('build:quick');
      expect((await done).outcome).toBe('succeeded');
      expect(capacityViolations(d.bus.history)).toEqual([]);
    },
  );
});

describe('runPlan: failures', () => {
  it('skips the dependants of a failed step, naming it, while independent steps finish', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake, 4);
    const plan = planOf([
      draft('build:base'),
      draft('build:a', ['build:base']),
      draft('build:a2', ['build:a']),
      draft('build:b', ['build:base']),
      draft('build:solo'),
    ]);
    const done = runPlan(plan, d);
    await fake.whenStarted('build:base');
    fake.succeed('build:base');
    await fake.whenStarted('build:a');
    await fake.whenStarted('build:b');
    const error = new TarmacError('BUILD_FAILED', 'image a failed to build', {
      hint: 'fix it',
      details: ['line 1', 'line 2'],
    });
    fake.fail('build:a', error);
    await flush();
    fake.succeed('build:b', { state: 'succeeded', detail: 'localhost/b:tm-1' });
    fake.succeed('build:solo');
    const summary = await done;

    expect(summary.outcome).toBe('failed');
    expect(Object.fromEntries(summary.states)).toEqual({
      'build:base': 'succeeded',
      'build:a': 'failed',
      'build:a2': 'skipped',
      'build:b': 'succeeded',
      'build:solo': 'succeeded',
    });
    expect(summary.errors.get('build:a')).toBe(error);
    expect([...summary.errors.keys()]).toEqual(['build:a']);
    const finished = new Map(eventsOf(d.bus.history, 'step.finished').map((e) => [e.stepId, e]));
    expect(finished.get('build:a2')).toMatchObject({
      state: 'skipped',
      detail: 'dependency build:a failed',
      durationMs: 0,
    });
    expect(finished.get('build:a')?.error).toEqual({
      code: 'BUILD_FAILED',
      message: 'image a failed to build',
      hint: 'fix it',
      tail: ['line 1', 'line 2'],
    });
    expect(finished.get('build:b')?.detail).toBe('localhost/b:tm-1');
    expect(fake.started).not.toContain('build:a2');
  });

  it('names the failed root for transitively skipped steps', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake);
    const done = runPlan(planOf([draft('build:x'), draft('build:y', ['build:x']), draft('build:z', ['build:y'])]), d);
    await fake.whenStarted('build:x');
    fake.fail('build:x', new TarmacError('BUILD_FAILED', 'x broke'));
    await done;
    const skipped = eventsOf(d.bus.history, 'step.finished').filter((e) => e.state === 'skipped');
    expect(skipped.map((e) => [e.stepId, e.detail])).toEqual([
      ['build:y', 'dependency build:x failed'],
      ['build:z', 'dependency build:x failed'],
    ]);
  });

  it('treats a non-Tarmac throw as an internal error', async () => {
    const fake = new FakeExecutor();
    const done = runPlan(planOf([draft('build:x')]), deps(fake));
    await fake.whenStarted('build:x');
    fake.fail('build:x', new Error('boom'));
    const summary = await done;
    expect(summary.errors.get('build:x')).toMatchObject({ code: 'INTERNAL', message: 'boom', exitCode: 70 });
  });

  it('rejects an invalid plan instead of running it', async () => {
    const fake = new FakeExecutor();
    const plan = {
      steps: [{ ...planOf([draft('build:a')]).steps[0]!, deps: ['build:a'] }],
      criticalPath: [],
      criticalPathMs: 0,
    };
    await expect(runPlan(plan, deps(fake))).rejects.toThrow('dependency cycle: build:a -> build:a');
  });
});

describe('runPlan: cached steps', () => {
  it('finishes cached steps without calling the executor or claiming the engine', async () => {
    const fake = new FakeExecutor();
    const d = deps(fake);
    const done = runPlan(planBuild(exampleEnv(), { cachedImages: new Set(['base', 'datastorage']) }), d);
    await fake.whenStarted('build:holmesgpt-api');
    fake.succeed('build:holmesgpt-api');
    await fake.whenStarted('build:aianalysis');
    fake.succeed('build:aianalysis', { state: 'cached', detail: 'appeared meanwhile' });
    const summary = await done;
    expect(fake.started).toEqual(['build:holmesgpt-api', 'build:aianalysis']);
    expect(summary.states.get('build:base')).toBe('cached');
    expect(summary.states.get('build:aianalysis')).toBe('cached');
    const events = d.bus.history;
    expect(eventsOf(events, 'step.started').map((e) => e.stepId)).toEqual(['build:holmesgpt-api', 'build:aianalysis']);
    expect(eventsOf(events, 'step.finished').find((e) => e.stepId === 'build:base')).toMatchObject({
      state: 'cached',
      durationMs: 0,
    });
    expect(eventsOf(events, 'resource').map((e) => e.inUse)).toEqual([0, 2, 0, 1, 0]);
    expect(summary.outcome).toBe('succeeded');
  });

  it('resolves at once for an empty or fully cached plan', async () => {
    const fake = new FakeExecutor();
    expect((await runPlan(planOf([]), deps(fake))).outcome).toBe('succeeded');
    const summary = await runPlan(planOf([draft('build:a', [], { cached: true })]), deps(fake));
    expect(summary.states.get('build:a')).toBe('cached');
    expect(fake.started).toEqual([]);
  });
});
