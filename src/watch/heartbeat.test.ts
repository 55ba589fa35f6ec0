import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startHeartbeat', () => {
  it('beats every interval until stopped', () => {
    const stop = new AbortController();
    let beats = 0;
    startHeartbeat(15_000, stop.signal, () => beats++);
    vi.advanceTimersByTime(14_999);
    expect(beats).toBe(0);
    vi.advanceTimersByTime(30_001);
    expect(beats).toBe(3);
    stop.abort();
    vi.advanceTimersByTime(60_000);
    expect(beats).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects a non-positive interval', () => {
    expect(() => startHeartbeat(0, new AbortController().signal, () => undefined)).toThrow(/positive number/);
  });
});
