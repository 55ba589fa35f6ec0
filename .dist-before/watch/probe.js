import { formatDuration } from "../config/duration.js";
import { rejectAfter } from "./timeout.js";
const PROBE_TIMEOUT_MS = 5e3;
async function probeWithin(probe, timeoutMs, clock) {
  const started = clock.now();
  const stop = new AbortController();
  const noAnswer = new Error(`no answer within ${formatDuration(timeoutMs)}`);
  try {
    return await Promise.race([Promise.resolve().then(probe), rejectAfter(timeoutMs, stop.signal, () => noAnswer)]);
  } catch (err) {
    const durationMs = clock.now() - started;
    if (err === noAnswer) return { ok: false, detail: noAnswer.message, durationMs, timedOut: true };
    return { ok: false, detail: err instanceof Error ? err.message : String(err), durationMs };
  } finally {
    stop.abort();
  }
}
function engineProber(probe, bus, clock, timeoutMs = PROBE_TIMEOUT_MS) {
  return async (stepId) => {
    const health = await probeWithin(probe, timeoutMs, clock);
    bus.emit({
      type: "probe",
      target: "engine",
      ok: health.ok,
      detail: health.detail,
      durationMs: health.durationMs,
      ...stepId === void 0 ? {} : { stepId }
    });
    return health;
  };
}
function describeHealth(health) {
  return `${health.ok ? "healthy" : "FAILED"}, ${health.detail}`;
}
export {
  PROBE_TIMEOUT_MS,
  describeHealth,
  engineProber,
  probeWithin
};
//# sourceMappingURL=probe.js.map
