import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, TarmacError } from '../errors/errors.js';
import { planOf } from './scheduler-test-kit.js';
import { draft } from '../plan/plan-test-kit.js';
import type { StepExecutor } from './scheduler-types.js';
import { runStep } from './step-runner.js';

const step = planOf([draft('build:x', [], { timeoutMs: 1_000 })]).steps[0]!;
const run = (execute: StepExecutor, root = new AbortController().signal) =>
  runStep({ step, execute, attempt: 1, root, output: () => undefined, graceMs: 10_000 });

afterEach(() => {
  vi.useRealTimers();
});

describe('runStep', () => {
  it('passes success through with its detail', async () => {
    expect(await run(async () => ({ state: 'succeeded', detail: 'ref' }))).toEqual({ state: 'succeeded', detail: 'ref' });
  });

  it('turns a synchronous throw into a failure', async () => {
    const error = new TarmacError('BOOM', 'sync');
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
    expect(await run(async () => Promise.reject(new CancelledError('stopped')))).toEqual({ state: 'cancelled', detail: 'stopped' });
  });

  it('keeps cancellation as the reason when the timeout fires while the executor winds down', async () => {
    vi.useFakeTimers();
    const root = new AbortController();
    let release: () => void = () => undefined;
    const pending = run((_s, ctx) => new Promise((_, reject) => {
      release = () => reject(new Error(`aborted: ${String((ctx.signal.reason as Error).message)}`));
    }), root.signal);
    root.abort();
    await vi.advanceTimersByTimeAsync(2_000);
    release();
    expect(await pending).toEqual({ state: 'cancelled', detail: 'build:x was cancelled' });
  });
});
