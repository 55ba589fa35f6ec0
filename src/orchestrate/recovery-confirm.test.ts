import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineHealth } from '../engines/types.js';
import { TarmacError } from '../errors/errors.js';
import { draft } from '../plan/plan.test-kit.js';
import { runPlan } from './scheduler.js';
import type { SchedulerDeps } from './scheduler-types.js';
import { FakeExecutor, eventsOf, flush, planOf, testBus } from './scheduler.test-kit.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The podman client's own final line after it lost the API connection mid-build. */
const clientLost = (image: string) =>
  new TarmacError(
    'ENGINE_UNREACHABLE',
    `the engine failed while building ${image}: Error: server probably quit: unexpected EOF`,
    {
      exitCode: 3,
      details: ['STEP 2/2: RUN work', 'Error: server probably quit: unexpected EOF'],
    },
  );

const healthy: EngineHealth = { ok: true, detail: 'podman 4.3.1 (server 4.3.1) answered in 40ms', durationMs: 40 };

/** A plan of builds on a healthy engine whose API service identity the test controls. */
function setup(instance: { id: string | undefined }) {
  const fake = new FakeExecutor();
  const probes: number[] = [];
  const deps: SchedulerDeps = {
    bus: testBus(),
    capacity: 2,
    signal: new AbortController().signal,
    execute: fake.execute,
    heartbeatMs: 600_000,
    probe: () => (probes.push(Date.now()), Promise.resolve(healthy)),
    recovery: { boundMs: 20_000, serviceInstance: () => instance.id },
  };
  return { fake, deps, probes, events: deps.bus.history };
}

describe('a suspected engine crash is confirmed by a probe', { timeout: 5_000 }, () => {
  it('a healthy probe and the same API service: the step fails with its own error; no incident, pause, capacity drop or retry', async () => {
    const { fake, deps, probes, events } = setup({ id: '42@1000' });
    const done = runPlan(planOf([draft('build:a'), draft('build:b')]), deps);
    await Promise.all(['build:a', 'build:b'].map((id) => fake.whenStarted(id)));
    fake.fail('build:a', clientLost('a'));
    fake.succeed('build:b');
    const summary = await done;

    expect(summary.errors.get('build:a')?.code).toBe('ENGINE_UNREACHABLE');
    expect(probes).toHaveLength(1);
    expect(eventsOf(events, 'incident')).toEqual([]);
    expect(eventsOf(events, 'resource').every((e) => e.capacity === 2)).toBe(true);
    expect(eventsOf(events, 'step.started').map((e) => `${e.stepId}#${e.attempt}`)).toEqual(['build:a#1', 'build:b#1']);
    // The probe is in the journal as a fact, with the conclusion drawn from it.
    expect(eventsOf(events, 'probe')).toMatchObject([{ ok: true, stepId: 'build:a', detail: healthy.detail }]);
    expect(eventsOf(events, 'decision').map((e) => e.message)).toContain(
      'engine probe after build:a failed: healthy, podman 4.3.1 (server 4.3.1) answered in 40ms; same API service ' +
        '(its socket is unchanged): not an engine crash, build:a failed on its own (no pause, no retry, capacity unchanged)',
    );
  });

  it('a healthy probe from a new API service instance (it restarted): a crash, recovered at once', async () => {
    const instance = { id: '42@1000' as string | undefined };
    const { fake, deps, events } = setup(instance);
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    instance.id = '77@2000';
    fake.fail('build:a', clientLost('a'));
    await flush();
    expect(eventsOf(events, 'incident')).toMatchObject([{ kind: 'engine-crash' }]);
    expect(eventsOf(events, 'decision').map((e) => e.message)).toContain(
      'engine probe after build:a failed: healthy, podman 4.3.1 (server 4.3.1) answered in 40ms; the API service restarted (its socket is new)',
    );
    await fake.whenStarted('build:a');
    expect(fake.ctx('build:a').attempt).toBe(2);
    fake.succeed('build:a');
    expect((await done).outcome).toBe('succeeded');
  });

  it('without a service identity (local podman) a healthy probe means the step failed on its own', async () => {
    const { fake, deps, events } = setup({ id: undefined });
    const done = runPlan(planOf([draft('build:a')]), deps);
    await fake.whenStarted('build:a');
    fake.fail('build:a', clientLost('a'));
    const summary = await done;
    expect(summary.outcome).toBe('failed');
    expect(eventsOf(events, 'incident')).toEqual([]);
    expect(eventsOf(events, 'decision').at(-1)?.message).toMatch(/no sign it restarted: not an engine crash/);
  });
});
