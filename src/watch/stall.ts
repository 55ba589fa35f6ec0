// Stall detector: calls `check` whenever a step has been silent for `stallMs`, and keeps watching while it says so.
import { onTimeout } from './timeout.js';

export interface StallOptions {
  /** Silence (no output) that counts as a stall; Infinity or <= 0 disables the detector. */
  stallMs: number;
  /** Ends the watch; pending timers are cleared. */
  stop: AbortSignal;
  now: () => number;
  /** Called on a stall with how long the step has been silent; resolve true to keep watching. */
  check: (silentMs: number) => Promise<boolean>;
}

/** A running stall detector. */
export interface StallWatch {
  /** Records output: the silence starts again now. */
  touch(): void;
  /** When the step last printed (or started). */
  readonly lastOutputAt: number;
}

/**
 * Starts watching. One timer at a time: output only moves `lastOutputAt`, and a timer that fires early
 * re-arms for the rest of the silence, so a chatty build costs no timer churn.
 */
export function watchStall(options: StallOptions): StallWatch {
  const { stallMs, stop, now } = options;
  let lastOutputAt = now();
  const watch: StallWatch = {
    touch: () => {
      lastOutputAt = now();
    },
    get lastOutputAt() {
      return lastOutputAt;
    },
  };
  if (!(stallMs > 0) || stallMs === Number.POSITIVE_INFINITY) return watch;
  const arm = (delayMs: number): void => onTimeout(delayMs, stop, fire);
  const fire = (): void => {
    const silentMs = now() - lastOutputAt;
    if (silentMs < stallMs) {
      arm(stallMs - silentMs);
      return;
    }
    // While the check runs no timer is armed, so one slow probe never overlaps the next.
    void options.check(silentMs).then(
      (keep) => {
        if (keep && !stop.aborted) arm(stallMs);
      },
      () => undefined,
    );
  };
  arm(stallMs);
  return watch;
}
