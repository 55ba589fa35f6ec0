// The Terminator's timers: a time limit beyond setTimeout's range must wait, not fire at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Terminator } from './terminate.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Terminator', () => {
  it('clamps a 600h time limit below 2^31-1 ms instead of handing setTimeout a delay it fires after 1 ms', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const target = { kill: vi.fn(), leftoversAlive: () => false, done: vi.fn() };
    const terminator = new Terminator(target, { timeoutMs: 600 * 3_600_000, graceMs: 5_000 });
    const delays = spy.mock.calls.map((call) => call[1]);
    terminator.childExited();
    expect(delays).toEqual([2 ** 31 - 1]);
    expect(target.kill).not.toHaveBeenCalled();
  });
});
