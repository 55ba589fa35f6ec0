import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemWaitClock } from './wait-clock.js';

afterEach(() => vi.useRealTimers());

describe('systemWaitClock.sleep', () => {
  it('resolves after the delay', async () => {
    vi.useFakeTimers();
    let done = false;
    const sleeping = systemWaitClock.sleep(1000, new AbortController().signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('ends early, without throwing, when the signal aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const sleeping = systemWaitClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
    await expect(systemWaitClock.sleep(60_000, controller.signal)).resolves.toBeUndefined();
  });
});
