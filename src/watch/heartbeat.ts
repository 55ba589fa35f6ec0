// Heartbeat: calls back on a fixed interval until stopped, so no long step is ever silent.
import { InternalError } from '../errors/errors.js';
import { timerDelay } from './timeout.js';

/** Calls `beat` every `intervalMs` until `stop` aborts. The interval is unref'd. */
export function startHeartbeat(intervalMs: number, stop: AbortSignal, beat: () => void): void {
  if (stop.aborted) return;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new InternalError(
      `Expected \`intervalMs\` to be a positive number, got \`${intervalMs}\` (${typeof intervalMs})`,
    );
  }
  const timer = setInterval(beat, timerDelay(intervalMs));
  timer.unref?.();
  stop.addEventListener('abort', () => clearInterval(timer), { once: true });
}
