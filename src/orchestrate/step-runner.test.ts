import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, TarmacError } from '../errors/errors.js';
import { planOf } from './scheduler.test-kit.js';
import { draft } from '../plan/plan.test-kit.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { runStep } from './step-runner.js';
import type { EngineHealth } from '../engines/types.js';

const step = planOf([draft('build:x', [], { timeoutMs: 1_000 })]).steps[0]!;
const run = (execute: StepExecutor, root = new AbortController().signal) =>
  runStep({ step, execute, attempt: 1, root, output: () => undefined, graceMs: 10_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('runStep', () => {
  it('passes success through with its detail', async () => {
    expect(await run(async () => ({ state: 'succeeded', detail: 'ref' }))).toEqual({
      state: 'succeeded',
      detail: 'ref',
    });
  });

  it('turns a synchronous throw into a failure', async () => {
    const error = new TarmacError('INTERNAL', 'sync');
    const outcome = await run(() => {
      throw error;
    });
    expect(outcome).toEqual({ state: 'failed', error });
  });

  it('treats a missing result as a bug', async () => {
    const outcome = await run(async () => undefined as never);
    expect(outcome.state === 'failed' && outcome.error.code).toBe('INTERNAL');
  });

  it('maps a CancelledError thrown by the executor itself to cancelled', async () => {
    expect(await run(async () => Promise.reject(new CancelledError('stopped')))).toEqual({
      state: 'cancelled',
      detail: 'stopped',
    });
  });

  it('keeps cancellation as the reason when the timeout fires while the executor winds down', async () => {
    vi.useFakeTimers();
    const root = new AbortController();
    let release: () => void = () => undefined;
    const pending = run(
      (_s, ctx) =>
        new Promise((_, reject) => {
          release = () => reject(new Error(`aborted: ${String((ctx.signal.reason as Error).message)}`));
        }),
      root.signal,
    );
    root.abort();
    await vi.advanceTimersByTimeAsync(2_000);
    release();
    expect(await pending).toEqual({ state: 'cancelled', detail: 'build:x was cancelled' });
  });
});

describe('runStep watchdogs', () => {
  const silent = planOf([draft('build:q', [], { timeoutMs: 10_000, stallMs: 3_000 })]).steps[0]!;
  const waitForAbort: StepExecutor = (_s, ctx) =>
    new Promise((_, reject) =>
      ctx.signal.addEventListener('abort', () => reject(new CancelledError('killed')), { once: true }),
    );

  it('aborts a silent step with ENGINE_UNREACHABLE when the stall probe finds the engine dead', async () => {
    vi.useFakeTimers();
    const pending = runStep({
      step: silent,
      execute: waitForAbort,
      attempt: 1,
      root: new AbortController().signal,
      output: () => undefined,
      graceMs: 1_000,
      probe: () => Promise.resolve({ ok: false, detail: 'connection refused', durationMs: 1 }),
    });
    await vi.advanceTimersByTimeAsync(3_000);
    const outcome = await pending;
    expect(outcome.state === 'failed' && outcome.error).toMatchObject({
      code: 'ENGINE_UNREACHABLE',
      stepId: 'build:q',
      message: 'build:q printed nothing for 3.0s and the engine probe failed: connection refused',
    });
  });

  it('waits for the probe taken at the timeout before it names the failure', async () => {
    vi.useFakeTimers();
    const step = { ...silent, stallMs: 60_000 };
    const probe = () =>
      new Promise<EngineHealth>((resolve) =>
        setTimeout(() => resolve({ ok: false, detail: 'no answer within 5.0s', durationMs: 5_000 }), 5_000),
      );
    let settled = false;
    const pending = runStep({
      step,
      execute: waitForAbort,
      attempt: 1,
      root: new AbortController().signal,
      output: () => undefined,
      graceMs: 1_000,
      probe,
    }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    const outcome = await pending;
    expect(outcome.state === 'failed' && outcome.error.message).toBe(
      'build:q timed out after 10.0s (no output for 10.0s); engine probe: FAILED, no answer within 5.0s',
    );
  });
});
