// A wait between two tries of an acquire: ends after `ms`, on abort, or when this process frees units.
import { sleep } from '../watch/timeout.js';

/**
 * Resolves after `ms`, when `signal` aborts, or when a function put into `wakers` is called (never rejects).
 * Built on watch/sleep, whose timer is ref'd: while every step waits for the lease, it is all that keeps the process alive.
 */
export async function pause(ms: number, signal: AbortSignal, wakers: Set<() => void>): Promise<void> {
  const wake = new AbortController();
  const waker = (): void => wake.abort();
  wakers.add(waker);
  try {
    await sleep(ms, AbortSignal.any([signal, wake.signal]));
  } finally {
    wakers.delete(waker);
  }
}
