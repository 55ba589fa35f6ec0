import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineHealth } from '../engines/types.js';
import { CancelledError, TarmacError } from '../errors/errors.js';
import { draft } from '../plan/plan.test-kit.js';
import { colorsFor } from '../ui/colors.js';
import { plainView } from '../ui/plain-view.js';
import { runPlan } from './scheduler.js';
import type { SchedulerDeps } from './scheduler-types.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { FakeExecutor, eventsOf, planOf, testBus } from './scheduler.test-kit.js';

// setImmediate stays real so flush() works under fake timers.
const useFakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

afterEach(() => {
  vi.useRealTimers();
});

/** A probe whose answer the test sets; counts its calls. */
function fakeProbe() {
  const state = { ok: true, calls: 0 };
  const probe = (): Promise<EngineHealth> => {
    state.calls += 1;
    return Promise.resolve(
      state.ok
        ? { ok: true, detail: 'podman 4.3.1 answered in 40ms', durationMs: 40 }
        : { ok: false, detail: 'Cannot connect to Podman: connection refused', durationMs: 3 },
    );
  };
  return { state, probe };
}

/** Rejects as soon as its signal aborts (as exec's runner does); otherwise waits forever. */
const abortable: StepExecutor = (_step, ctx) =>
  new Promise((_, reject) =>
    ctx.signal.addEventListener('abort', () => reject(new CancelledError('killed')), { once: true }),
  );

function deps(over: Partial<SchedulerDeps> & Pick<SchedulerDeps, 'execute'>): SchedulerDeps {
  return { bus: testBus(), capacity: 2, signal: new AbortController().signal, heartbeatMs: 600_000, ...over };
}

describe('step timeout with an engine probe', { timeout: 5_000 }, () => {
  it('names the step, how long it ran, how long it was silent and what the probe said', async () => {
    useFakeTimers();
    const { probe } = fakeProbe();
    const execute: StepExecutor = async (step, ctx) => {
      await new Promise((r) => setTimeout(r, 900));
      ctx.output('sleeping-now');
      return abortable(step, ctx);
    };
    const d = deps({ execute, probe });
    const done = runPlan(planOf([draft('build:hang', [], { timeoutMs: 30_000, stallMs: 600_000 })]), d);
    await vi.advanceTimersByTimeAsync(30_000);
    const summary = await done;
    expect(summary.errors.get('build:hang')).toMatchObject({
      code: 'STEP_TIMEOUT',
      exitCode: 4,
      message:
        'build:hang timed out after 30.0s (no output for 29.1s); engine probe: healthy, podman 4.3.1 answered in 40ms',
      details: ['sleeping-now'],
    });
    expect(eventsOf(d.bus.history, 'probe')).toMatchObject([
      { target: 'engine', ok: true, stepId: 'build:hang', detail: 'podman 4.3.1 answered in 40ms' },
    ]);
  });
});

describe('stall detection', { timeout: 5_000 }, () => {
  it('probes a silent step, says the engine is healthy, keeps waiting and re-arms after output', async () => {
    useFakeTimers();
    const { state, probe } = fakeProbe();
    const fake = new FakeExecutor();
    const d = deps({ execute: fake.execute, probe });
    const done = runPlan(planOf([draft('build:slow', [], { stallMs: 120_000 })]), d);
    const ctx = await fake.whenStarted('build:slow');
    await vi.advanceTimersByTimeAsync(119_999);
    expect(state.calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(eventsOf(d.bus.history, 'decision').map((e) => e.message)).toEqual([
      'build:slow: still waiting, engine healthy (no output for 2m00s)',
      'build:slow: still waiting, engine healthy (no output for 4m00s)',
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    ctx.output('STEP 2/2: RUN make');
    // The next check at 6m finds only 110 s of silence and waits for the rest.
    await vi.advanceTimersByTimeAsync(119_999);
    expect(state.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.calls).toBe(3);
    expect(fake.ctx('build:slow').signal.aborted).toBe(false);
    fake.succeed('build:slow');
    expect((await done).outcome).toBe('succeeded');
    expect(eventsOf(d.bus.history, 'incident')).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes the crash path when the stall probe finds the engine dead, and reruns the step once it is back', async () => {
    useFakeTimers();
    const { state, probe } = fakeProbe();
    let attempts = 0;
    const execute: StepExecutor = (step, ctx) =>
      ++attempts === 1 ? abortable(step, ctx) : Promise.resolve({ state: 'succeeded' });
    const d = deps({ execute, probe, recovery: { boundMs: 60_000 } });
    state.ok = false;
    const done = runPlan(planOf([draft('build:quiet', [], { stallMs: 10_000 })]), d);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(eventsOf(d.bus.history, 'incident')).toMatchObject([{ kind: 'engine-crash', stepIds: ['build:quiet'] }]);
    expect(eventsOf(d.bus.history, 'incident')[0]?.evidence[0]).toBe(
      'build:quiet printed nothing for 10.0s and the engine probe failed: Cannot connect to Podman: connection refused',
    );
    state.ok = true;
    await vi.advanceTimersByTimeAsync(1_000);
    const summary = await done;
    expect(summary.outcome).toBe('succeeded');
    expect(eventsOf(d.bus.history, 'step.started').map((e) => e.attempt)).toEqual([1, 2]);
  });

  it('does not probe without a probe dependency', async () => {
    useFakeTimers();
    const fake = new FakeExecutor();
    const d = deps({ execute: fake.execute });
    const done = runPlan(planOf([draft('build:a', [], { stallMs: 1_000 })]), d);
    await fake.whenStarted('build:a');
    await vi.advanceTimersByTimeAsync(10_000);
    fake.succeed('build:a');
    await done;
    expect(eventsOf(d.bus.history, 'probe')).toEqual([]);
  });
});

describe('heartbeat of a silent step', { timeout: 5_000 }, () => {
  it('emits run.heartbeat at every interval while the step prints nothing, and plain mode shows each one', async () => {
    useFakeTimers();
    const fake = new FakeExecutor();
    const d = deps({ execute: fake.execute, heartbeatMs: 15_000 });
    const lines: string[] = [];
    d.bus.subscribe(plainView({ write: (t) => lines.push(t), colors: colorsFor(false, {}), verbose: false }));
    const done = runPlan(planOf([draft('build:silent')]), d);
    await fake.whenStarted('build:silent');
    await vi.advanceTimersByTimeAsync(60_000);
    const beats = eventsOf(d.bus.history, 'run.heartbeat');
    expect(beats.map((b) => b.running)).toEqual(
      [15_000, 30_000, 45_000, 60_000].map((elapsedMs) => [{ stepId: 'build:silent', elapsedMs }]),
    );
    expect(beats.map((b, i) => b.at - (beats[i - 1]?.at ?? b.at - 15_000))).toEqual([15_000, 15_000, 15_000, 15_000]);
    expect(lines.filter((l) => l.includes('still running: build:silent'))).toHaveLength(4);
    fake.fail('build:silent', new TarmacError('ENGINE_COMMAND_FAILED', 'done'));
    await done;
  });
});
