import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineHealth } from '../engines/types.js';
import { TarmacError } from '../errors/errors.js';
import { draft } from '../plan/plan.test-kit.js';
import { runPlan } from './scheduler.js';
import type { SchedulerDeps } from './scheduler-types.js';
import { FakeExecutor, capacityViolations, eventsOf, flush, planOf, testBus } from './scheduler.test-kit.js';

// setImmediate stays real so flush() works under fake timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(2025, 0, 2, 10, 11, 12));
});
afterEach(() => {
  vi.useRealTimers();
});

/** What a build that lost its engine throws (as buildFailure does for exit 125). */
const crash = (image: string) =>
  new TarmacError(
    'ENGINE_UNREACHABLE',
    `the engine failed while building ${image}: Error: server probably quit: unexpected EOF`,
    {
      exitCode: 3,
      details: ['STEP 2/2: RUN work', 'Error: server probably quit: unexpected EOF'],
    },
  );

/** An engine the test turns off and on; records when it was probed. */
function fakeEngine() {
  const engine = { up: true, probes: [] as number[] };
  const probe = (): Promise<EngineHealth> => {
    engine.probes.push(Date.now());
    return Promise.resolve(
      engine.up
        ? { ok: true, detail: 'podman 4.3.1 answered in 40ms', durationMs: 40 }
        : { ok: false, detail: 'connection refused', durationMs: 2 },
    );
  };
  return { engine, probe };
}

function setup(capacity: number, over: Partial<SchedulerDeps> = {}) {
  const fake = new FakeExecutor();
  const { engine, probe } = fakeEngine();
  const root = new AbortController();
  const deps: SchedulerDeps = {
    bus: testBus(),
    capacity,
    signal: root.signal,
    execute: fake.execute,
    heartbeatMs: 600_000,
    probe,
    recovery: { boundMs: 20_000 },
    ...over,
  };
  return { fake, engine, deps, root, events: deps.bus.history };
}

const t0 = new Date(2025, 0, 2, 10, 11, 12).getTime();

describe('engine crash recovery', { timeout: 5_000 }, () => {
  it('announces the crash, pauses, lowers the capacity, requeues the interrupted builds and resumes when the engine is back', async () => {
    const { fake, engine, deps, events } = setup(3);
    const done = runPlan(planOf([draft('build:a'), draft('build:b'), draft('build:c'), draft('build:d')]), deps);
    await Promise.all(['build:a', 'build:b', 'build:c'].map((id) => fake.whenStarted(id)));
    engine.up = false;
    fake.fail('build:a', crash('a'));
    await flush();
    expect(eventsOf(events, 'incident')).toMatchObject([
      {
        kind: 'engine-crash',
        message: 'the engine crashed at 10:11:12: server probably quit: unexpected EOF',
        stepIds: ['build:a', 'build:b', 'build:c'],
      },
    ]);
    expect(eventsOf(events, 'incident')[0]?.evidence[0]).toBe(
      'the engine failed while building a: Error: server probably quit: unexpected EOF',
    );
    expect(eventsOf(events, 'resource').at(-1)).toMatchObject({ capacity: 2 });
    expect(eventsOf(events, 'decision').map((e) => e.message)).toContain(
      'engine capacity lowered from 3 to 2: 3 units were running when it crashed',
    );
    // The other builds die with the same error during the outage; one finishes anyway. Nothing new starts.
    fake.fail('build:b', crash('b'));
    fake.succeed('build:c');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(fake.started).toEqual(['build:a', 'build:b', 'build:c']);
    engine.up = true;
    await vi.advanceTimersByTimeAsync(4_000);
    // Probes at 0, 1 s, 3 s (dead) and 7 s (back): exponential backoff.
    expect(engine.probes.map((at) => at - t0)).toEqual([0, 1_000, 3_000, 7_000]);
    expect(fake.ctx('build:a').attempt).toBe(2);
    expect(fake.ctx('build:b').attempt).toBe(2);
    expect(fake.running()).toEqual(['build:a', 'build:b']); // capacity 2: build:d waits
    for (const id of ['build:a', 'build:b']) fake.succeed(id);
    await fake.whenStarted('build:d');
    fake.succeed('build:d');
    const summary = await done;
    expect(summary.outcome).toBe('succeeded');
    expect(eventsOf(events, 'step.started').map((e) => `${e.stepId}#${e.attempt}`)).toEqual([
      'build:a#1',
      'build:b#1',
      'build:c#1',
      'build:a#2',
      'build:b#2',
      'build:d#1',
    ]);
    expect(
      eventsOf(events, 'step.finished')
        .filter((e) => e.state === 'cancelled')
        .map((e) => e.detail),
    ).toEqual([
      'interrupted by the engine crash; runs again (attempt 2) once the engine answers',
      'interrupted by the engine crash; runs again (attempt 2) once the engine answers',
    ]);
    expect(eventsOf(events, 'decision').at(-1)?.message).toBe(
      'the engine is back after 7.0s; resuming with capacity 2, running again: build:a, build:b',
    );
    // Lowering the capacity below what runs is expected (running steps keep their claims); starting over it is not.
    expect(capacityViolations(events).filter((p) => p.startsWith('running claims'))).toEqual([]);
  });

  it('fails the interrupted steps with ENGINE_LOST (exit 4) when the engine stays down past the bound, and starts nothing else', async () => {
    const { fake, engine, deps, events } = setup(2);
    let resolvedAt = 0;
    const done = runPlan(
      planOf([draft('build:a'), draft('build:b'), draft('build:c'), draft('build:after', ['build:a'])]),
      deps,
    ).then((s) => ((resolvedAt = Date.now()), s));
    await fake.whenStarted('build:a');
    engine.up = false;
    fake.fail('build:a', crash('a'));
    fake.fail('build:b', crash('b'));
    await vi.advanceTimersByTimeAsync(20_000);
    const summary = await done;
    expect(resolvedAt - t0).toBe(20_000);
    expect(summary.outcome).toBe('failed');
    for (const id of ['build:a', 'build:b']) {
      expect(summary.errors.get(id)).toMatchObject({
        code: 'ENGINE_LOST',
        exitCode: 4,
        stepId: id,
        message:
          'the engine crashed at 10:11:12 (server probably quit: unexpected EOF) and did not come back within 20.0s',
      });
    }
    expect(summary.errors.get('build:a')?.hint).toMatch(/podman machine start.*--heal/);
    expect(summary.errors.get('build:a')?.details.at(-1)).toBe('last engine probe: connection refused');
    expect(eventsOf(events, 'incident').map((e) => e.kind)).toEqual(['engine-crash', 'engine-lost']);
    expect(eventsOf(events, 'incident')[1]).toMatchObject({ stepIds: ['build:a', 'build:b'] });
    expect(summary.states.get('build:c')).toBe('skipped');
    expect(summary.states.get('build:after')).toBe('skipped');
    expect(eventsOf(events, 'step.finished').find((e) => e.stepId === 'build:c')?.detail).toBe(
      'not started: the engine was lost',
    );
    expect(fake.started).toEqual(['build:a', 'build:b']);
  });

  it('never retries a test step, even when the engine crash took it down', async () => {
    const { fake, engine, deps, events } = setup(2);
    const plan = planOf([
      draft('build:a'),
      draft('test:e2e', [], { kind: 'test', subject: 'e2e', claims: { engine: 0 }, retry: 'never' }),
    ]);
    const done = runPlan(plan, deps);
    await fake.whenStarted('test:e2e');
    engine.up = false;
    fake.fail('test:e2e', crash('e2e'));
    fake.fail('build:a', crash('a'));
    await flush(); // the probes right after the failures see the engine down
    engine.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    fake.succeed('build:a');
    const summary = await done;
    expect(summary.states.get('test:e2e')).toBe('failed');
    expect(summary.errors.get('test:e2e')?.code).toBe('ENGINE_UNREACHABLE');
    expect(summary.states.get('build:a')).toBe('succeeded');
    expect(
      eventsOf(events, 'step.started')
        .map((e) => `${e.stepId}#${e.attempt}`)
        .sort(),
    ).toEqual(['build:a#1', 'build:a#2', 'test:e2e#1']);
  });

  it('stops recovering after maxRecoveries crashes in one run', async () => {
    const { fake, engine, deps, events } = setup(2, { recovery: { boundMs: 20_000, maxRecoveries: 1 } });
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    engine.up = false;
    fake.fail('build:a', crash('a'));
    await flush();
    engine.up = true; // back at the next probe: recovery 1
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.ctx('build:a').attempt).toBe(2);
    engine.up = false;
    fake.fail('build:a', crash('a'));
    const summary = await done;
    expect(summary.errors.get('build:a')).toMatchObject({
      code: 'ENGINE_LOST',
      message:
        'the engine crashed at 10:11:13 (server probably quit: unexpected EOF); it crashed 2 times in this run, so tarmac stops instead of waiting again',
    });
    expect(eventsOf(events, 'incident').map((e) => e.kind)).toEqual(['engine-crash', 'engine-lost']);
    expect(engine.probes).toHaveLength(3); // crash 1 confirmed, engine back, crash 2 confirmed
  });

  it('heals once (--heal) and says what the healer did', async () => {
    const heal = vi.fn((signal: AbortSignal) =>
      Promise.resolve(signal.aborted ? 'aborted' : 'podman machine start: started podman-machine-default'),
    );
    const { fake, engine, deps, events } = setup(2, { recovery: { boundMs: 20_000, heal } });
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    engine.up = false;
    fake.fail('build:a', crash('a'));
    await flush();
    expect(heal).toHaveBeenCalledTimes(1);
    expect(eventsOf(events, 'decision').map((e) => e.message)).toContain(
      'heal: podman machine start: started podman-machine-default',
    );
    engine.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    fake.succeed('build:a');
    expect((await done).outcome).toBe('succeeded');
    expect(heal).toHaveBeenCalledTimes(1);
  });

  it('stops waiting and cancels the requeued steps when the run is cancelled during the outage', async () => {
    const { fake, engine, deps, root } = setup(2);
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    engine.up = false;
    fake.fail('build:a', crash('a'));
    await vi.advanceTimersByTimeAsync(2_000);
    root.abort();
    const summary = await done;
    expect(summary.outcome).toBe('cancelled');
    expect(summary.states.get('build:a')).toBe('cancelled');
    expect(engine.probes.length).toBeLessThan(4);
  });

  it('treats other failures as ordinary failures', async () => {
    const { fake, deps, events } = setup(2);
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    fake.fail('build:a', new TarmacError('BUILD_FAILED', 'image a failed to build at STEP 2/2: RUN make (exited 2)'));
    const summary = await done;
    expect(summary.errors.get('build:a')?.code).toBe('BUILD_FAILED');
    expect(eventsOf(events, 'incident')).toEqual([]);
  });
});
