import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTimeout, rejectAfter, sleep } from './timeout.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rejectAfter', () => {
  it('rejects with the given reason after the delay', async () => {
    const stop = new AbortController();
    const racer = rejectAfter(1_000, stop.signal, () => new Error('too slow'));
    const outcome = racer.catch((err: Error) => err.message);
    await vi.advanceTimersByTimeAsync(999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('too slow');
  });

  it('clears its timer when stopped and never settles', async () => {
    const stop = new AbortController();
    let settled = false;
    rejectAfter(1_000, stop.signal, () => new Error('x')).catch(() => (settled = true));
    stop.abort();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toBe(false);
  });

  it('does not start a timer when already stopped', () => {
    void rejectAfter(1_000, AbortSignal.abort(), () => new Error('x'));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('onTimeout', () => {
  it('calls back after the delay unless stopped', async () => {
    const fired: string[] = [];
    onTimeout(100, new AbortController().signal, () => fired.push('a'));
    const stop = new AbortController();
    onTimeout(100, stop.signal, () => fired.push('b'));
    stop.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toEqual(['a']);
  });
});

describe('rejectAfter limits', () => {
  it('never fires for Infinity and clamps delays setTimeout cannot hold', async () => {
    let fired = 0;
    rejectAfter(Number.POSITIVE_INFINITY, new AbortController().signal, () => new Error('x')).catch(() => fired++);
    rejectAfter(30 * 86_400_000, new AbortController().signal, () => new Error('x')).catch(() => fired++);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('sleep', () => {
  it('resolves after the delay, or at once on abort', async () => {
    let done = false;
    void sleep(1_000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    const stop = new AbortController();
    let early = false;
    void sleep(60_000, stop.signal).then(() => (early = true));
    stop.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(early).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after the delay without a signal', async () => {
    let done = false;
    void sleep(500).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
