import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../errors/errors.js';
import { sleep } from '../../watch/timeout.js';
import { withRetry } from './retry.js';

const transient = new Error('transient');
const permanent = new Error('permanent');
const options = (waits: number[], signal?: AbortSignal) => ({
  attempts: 3,
  backoffMs: 100,
  isTransient: (e: unknown) => e === transient,
  sleep: async (ms: number) => void waits.push(ms),
  ...(signal ? { signal } : {}),
});

describe('withRetry', () => {
  it('retries transient failures with doubling waits and returns the first success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(async () => (++calls < 3 ? Promise.reject(transient) : 'ok'), options(waits));
    expect([value, calls, waits]).toEqual(['ok', 3, [100, 200]]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw transient;
      }, options(waits)),
    ).rejects.toBe(transient);
    expect(calls).toBe(3);
  });

  it('fails at once on a permanent error, and when the signal is aborted', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw permanent;
      }, options(waits)),
    ).rejects.toBe(permanent);
    const controller = new AbortController();
    controller.abort();
    await expect(
      withRetry(
        async () => {
          calls++;
          throw transient;
        },
        options(waits, controller.signal),
      ),
    ).rejects.toBe(transient);
    expect([calls, waits]).toEqual([2, []]);
  });
});

describe('withRetry with the real sleep', () => {
  it('rejects with CancelledError, without another attempt, when aborted during the wait', async () => {
    const controller = new AbortController();
    let calls = 0;
    const pending = withRetry(
      async () => {
        calls++;
        throw transient;
      },
      {
        attempts: 3,
        backoffMs: 60_000,
        isTransient: () => true,
        // The run is cancelled while the real sleep waits.
        sleep: (ms, signal) => {
          const waiting = sleep(ms, signal);
          controller.abort();
          return waiting;
        },
        signal: controller.signal,
      },
    );
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(1);
  });
});
