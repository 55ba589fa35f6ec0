// Timeout racer: a promise that rejects after a delay, unless the race it belongs to is over first.

/** setTimeout's largest delay; longer ones would fire at once (Node clamps them to 1 ms). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** A delay every timer can take: negative is 0, beyond 2^31-1 ms (about 24.8 days) is clamped instead of firing at once. */
export function timerDelay(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_DELAY_MS);
}

/** Rejects with `reason()` after `ms` (Infinity: never); never settles once `stop` aborts. The timer is unref'd and cleared on stop. */
export function rejectAfter(ms: number, stop: AbortSignal, reason: () => Error): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (stop.aborted || ms === Number.POSITIVE_INFINITY) return;
    const timer = setTimeout(() => {
      stop.removeEventListener('abort', clear);
      reject(reason());
    }, timerDelay(ms));
    // An unref'd timer never keeps the process alive on its own.
    timer.unref?.();
    const clear = (): void => clearTimeout(timer);
    stop.addEventListener('abort', clear, { once: true });
  });
}

/** Calls `callback` after `ms` unless `stop` aborts first; the timer is unref'd. */
export function onTimeout(ms: number, stop: AbortSignal, callback: () => void): void {
  rejectAfter(ms, stop, () => new Error('timeout')).catch(callback);
}

/**
 * tarmac's one sleep: resolves after `ms`, or at once when `signal` aborts; it never rejects, so a caller that must
 * stop on abort checks `signal.aborted` after it. Unlike the racers above its timer keeps the process alive: a run
 * that waits for its engine with nothing else running is not finished.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal === undefined) {
      setTimeout(resolve, timerDelay(ms));
      return;
    }
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, timerDelay(ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
