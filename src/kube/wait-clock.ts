// Time for the readiness poll: injected so tests never sleep for real.
import { sleep } from '../watch/timeout.js';

/** Now in milliseconds, and a sleep that ends early (without throwing) when the signal aborts. */
export interface WaitClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemWaitClock: WaitClock = {
  now: () => Date.now(),
  sleep,
};
