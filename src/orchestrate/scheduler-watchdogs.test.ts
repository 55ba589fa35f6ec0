import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError } from '../errors/errors.js';
import { draft } from '../plan/plan.test-kit.js';
import { runPlan } from './scheduler.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { FakeExecutor, eventsOf, flush, planOf, testBus } from './scheduler.test-kit.js';

// setImmediate stays real so flush() works under fake timers.
const useFakeTimers = () =>
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

afterEach(() => {
  vi.useRealTimers();
});

/** An executor that rejects as soon as its signal aborts (as exec's runner does) and otherwise waits. */
const abortable: StepExecutor = (_step, ctx) =>
  new Promise((_, reject) =>
    ctx.signal.addEventListener('abort', () => reject(new CancelledError('killed')), { once: true }),
  );

describe('runPlan: cancellation', () => {
  it('aborts running steps, cancels pending ones and resolves only after running executors settle', async () => {
    const fake = new FakeExecutor();
    const root = new AbortController();
    const bus = testBus();
    const plan = planOf([draft('build:a'), draft('build:b'), draft('build:c', ['build:a']), draft('build:d')]);
    let resolved = false;
    const done = runPlan(plan, {
      bus,
      capacity: 2,
      signal: root.signal,
      execute: fake.execute,
      heartbeatMs: 15_000,
    }).then((s) => {
      resolved = true;
      return s;
    });
    await fake.whenStarted('build:a');
    await fake.whenStarted('build:b');
    root.abort();
    await flush();
    expect(fake.ctx('build:a').signal.aborted).toBe(true);
    expect(fake.ctx('build:b').signal.aborted).toBe(true);
    // Pending steps are cancelled at once; the run waits for the two executors.
    expect(eventsOf(bus.history, 'step.finished').map((e) => [e.stepId, e.state])).toEqual([
      ['build:c', 'cancelled'],
      ['build:d', 'cancelled'],
    ]);
    expect(resolved).toBe(false);
    fake.fail('build:a', new CancelledError('killed'));
    await flush();
    expect(resolved).toBe(false);
    // An executor that completes anyway after the abort still counts as cancelled: the first reason wins.
    fake.succeed('build:b');
    const summary = await done;
    expect(summary.outcome).toBe('cancelled');
    expect([...summary.states.values()]).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(summary.errors.size).toBe(0);
    expect(fake.started).toEqual(['build:a', 'build:b']);
  });

  it('cancels everything without starting anything when the signal is already aborted', async () => {
    const fake = new FakeExecutor();
    const root = new AbortController();
    root.abort();
    const summary = await runPlan(planOf([draft('build:a')]), {
      bus: testBus(),
      capacity: 2,
      signal: root.signal,
      execute: fake.execute,
      heartbeatMs: 15_000,
    });
    expect(summary.outcome).toBe('cancelled');
    expect(fake.started).toEqual([]);
  });

  it('gives up on an executor that ignores the abort after the grace period', async () => {
    useFakeTimers();
    const fake = new FakeExecutor();
    const root = new AbortController();
    const bus = testBus();
    const done = runPlan(planOf([draft('build:stuck')]), {
      bus,
      capacity: 2,
      signal: root.signal,
      execute: fake.execute,
      heartbeatMs: 15_000,
      abortGraceMs: 5_000,
    });
    await fake.whenStarted('build:stuck');
    root.abort();
    await vi.advanceTimersByTimeAsync(5_000);
    const summary = await done;
    expect(summary.states.get('build:stuck')).toBe('cancelled');
    expect(fake.running()).toEqual(['build:stuck']);
    expect(eventsOf(bus.history, 'step.finished')[0]?.detail).toBe(
      'build:stuck was cancelled (its executor did not stop within 5.0s and may still be running)',
    );
  });
});

describe('runPlan: step timeout', () => {
  it(
    'fails a step that runs past its timeout with STEP_TIMEOUT, its tail and a hint, and skips its dependants',
    { timeout: 5_000 },
    async () => {
      useFakeTimers();
      const bus = testBus();
      const execute: StepExecutor = (step, ctx) => {
        if (step.id === 'build:slow') {
          ctx.output('STEP 1/2: FROM base');
          ctx.output('STEP 2/2: RUN make');
          return abortable(step, ctx);
        }
        return Promise.resolve({ state: 'succeeded' });
      };
      const plan = planOf([draft('build:slow'), draft('build:after', ['build:slow']), draft('build:other')]);
      const done = runPlan(plan, {
        bus,
        capacity: 2,
        signal: new AbortController().signal,
        execute,
        heartbeatMs: 60_000,
      });
      await vi.advanceTimersByTimeAsync(899_999);
      expect(eventsOf(bus.history, 'step.finished').map((e) => e.stepId)).toEqual(['build:other']);
      await vi.advanceTimersByTimeAsync(1);
      const summary = await done;
      expect(summary.outcome).toBe('failed');
      const error = summary.errors.get('build:slow');
      expect(error).toMatchObject({
        code: 'STEP_TIMEOUT',
        message: 'build:slow timed out after 15m00s (no output for 15m00s)',
        exitCode: 4,
        stepId: 'build:slow',
      });
      expect(error?.hint).toContain('`timeouts.build`');
      expect(error?.details).toEqual(['STEP 1/2: FROM base', 'STEP 2/2: RUN make']);
      expect(summary.states.get('build:after')).toBe('skipped');
      const finished = eventsOf(bus.history, 'step.finished').find((e) => e.stepId === 'build:slow');
      expect(finished).toMatchObject({
        state: 'failed',
        durationMs: 900_000,
        error: { code: 'STEP_TIMEOUT', tail: ['STEP 1/2: FROM base', 'STEP 2/2: RUN make'] },
      });
    },
  );
});

describe('runPlan: heartbeat', () => {
  it('emits run.heartbeat every interval with running steps, elapsed time and last line, and stops at the end', async () => {
    useFakeTimers();
    const fake = new FakeExecutor();
    const bus = testBus();
    const done = runPlan(planOf([draft('build:a'), draft('build:b', ['build:a'])]), {
      bus,
      capacity: 2,
      signal: new AbortController().signal,
      execute: fake.execute,
      heartbeatMs: 15_000,
    });
    const ctx = await fake.whenStarted('build:a');
    await vi.advanceTimersByTimeAsync(10_000);
    ctx.output('STEP 1/3: FROM fedora');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(eventsOf(bus.history, 'run.heartbeat')).toMatchObject([
      { running: [{ stepId: 'build:a', elapsedMs: 15_000, lastLine: 'STEP 1/3: FROM fedora' }] },
    ]);
    expect(eventsOf(bus.history, 'step.output')).toMatchObject([{ stepId: 'build:a', line: 'STEP 1/3: FROM fedora' }]);
    fake.succeed('build:a');
    await fake.whenStarted('build:b');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(eventsOf(bus.history, 'run.heartbeat').at(-1)?.running).toEqual([{ stepId: 'build:b', elapsedMs: 15_000 }]);
    fake.succeed('build:b');
    await done;
    const count = eventsOf(bus.history, 'run.heartbeat').length;
    expect(count).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(eventsOf(bus.history, 'run.heartbeat')).toHaveLength(count);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores output from a step after it finished', async () => {
    const fake = new FakeExecutor();
    const bus = testBus();
    const done = runPlan(planOf([draft('build:a')]), {
      bus,
      capacity: 2,
      signal: new AbortController().signal,
      execute: fake.execute,
      heartbeatMs: 15_000,
    });
    const ctx = await fake.whenStarted('build:a');
    fake.succeed('build:a');
    await done;
    ctx.output('late line');
    expect(eventsOf(bus.history, 'step.output')).toEqual([]);
  });
});
