// Bounded retries with backoff for transient failures.
import { CancelledError } from '../../errors/errors.js';

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Wait before attempt n+1 is backoffMs * 2^(n-1). */
  backoffMs: number;
  isTransient: (error: unknown) => boolean;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Told before each retry, e.g. to print "attempt 2/3 after: ...". */
  onRetry?: (attempt: number, error: unknown, waitMs: number) => void;
}

/** Runs `fn` until it succeeds, fails permanently, or the attempts are used up; the last error is thrown. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted || !options.isTransient(error)) throw error;
      const waitMs = options.backoffMs * 2 ** (attempt - 1);
      options.onRetry?.(attempt + 1, error, waitMs);
      await options.sleep(waitMs, options.signal);
      // The sleep ends early, without throwing, when the run is cancelled: no further attempt then.
      if (options.signal?.aborted) throw new CancelledError();
    }
  }
}
