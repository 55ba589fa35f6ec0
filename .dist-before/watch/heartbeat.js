import { InternalError } from "../errors/errors.js";
import { timerDelay } from "./timeout.js";
function startHeartbeat(intervalMs, stop, beat) {
  if (stop.aborted) return;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new InternalError(
      `Expected \`intervalMs\` to be a positive number, got \`${intervalMs}\` (${typeof intervalMs})`
    );
  }
  const timer = setInterval(beat, timerDelay(intervalMs));
  timer.unref?.();
  stop.addEventListener("abort", () => clearInterval(timer), { once: true });
}
export {
  startHeartbeat
};
//# sourceMappingURL=heartbeat.js.map
