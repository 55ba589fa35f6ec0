// A wait between two tries of an acquire: ends after `ms`, on abort, or when this process frees units.

/**
 * Resolves after `ms`, when `signal` aborts, or when a function put into `wakers` is called (never rejects).
 * The timer is deliberately ref'd: while every step waits for the lease, it is all that keeps the process alive.
 */
export function pause(ms: number, signal: AbortSignal, wakers: Set<() => void>): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wakers.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    wakers.add(done);
  });
}
