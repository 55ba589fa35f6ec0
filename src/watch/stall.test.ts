import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchStall } from './stall.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchStall', () => {
  it('checks after stallMs of silence, keeps watching while the check says so, and measures silence from the last output', async () => {
    const stop = new AbortController();
    const checks: number[] = [];
    const watch = watchStall({
      stallMs: 1_000,
      stop: stop.signal,
      now: Date.now,
      check: (silentMs) => (checks.push(silentMs), Promise.resolve(true)),
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(checks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(checks).toEqual([1_000, 2_000]);
    await vi.advanceTimersByTimeAsync(500);
    watch.touch();
    await vi.advanceTimersByTimeAsync(999);
    expect(checks).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(checks).toEqual([1_000, 2_000, 1_000]);
    stop.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checks).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops watching when the check says so', async () => {
    let calls = 0;
    watchStall({
      stallMs: 1_000,
      stop: new AbortController().signal,
      now: Date.now,
      check: () => (calls++, Promise.resolve(false)),
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is off for Infinity', async () => {
    const watch = watchStall({
      stallMs: Number.POSITIVE_INFINITY,
      stop: new AbortController().signal,
      now: Date.now,
      check: () => Promise.resolve(true),
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(watch.lastOutputAt).toBe(Date.now());
  });
});
