// Engine health probes for the watchdogs: always under a hard timeout, never throwing, and always reported.
import { formatDuration } from '../config/duration.js';
import type { EngineHealth } from '../engines/types.js';
import type { Clock, EventBus } from '../events/bus.js';
import type { StepId } from '../plan/types.js';
import { rejectAfter } from './timeout.js';

/** Hard limit of one watchdog probe: a probe that hangs is as bad as a dead engine. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Probes the engine and reports the result as a `probe` event; `stepId` names the step that asked. */
export type EngineProber = (stepId?: StepId) => Promise<EngineHealth>;

/** Runs `probe` under a hard timeout; resolves with a failed health on timeout or throw, never rejects. */
export async function probeWithin(
  probe: () => Promise<EngineHealth>,
  timeoutMs: number,
  clock: Clock,
): Promise<EngineHealth> {
  const started = clock.now();
  const stop = new AbortController();
  const noAnswer = new Error(`no answer within ${formatDuration(timeoutMs)}`);
  try {
    return await Promise.race([Promise.resolve().then(probe), rejectAfter(timeoutMs, stop.signal, () => noAnswer)]);
  } catch (err) {
    // Why: the probe is what watchdogs decide on; a failure to probe is a failed probe, not an error.
    const durationMs = clock.now() - started;
    if (err === noAnswer) return { ok: false, detail: noAnswer.message, durationMs, timedOut: true };
    return { ok: false, detail: err instanceof Error ? err.message : String(err), durationMs };
  } finally {
    stop.abort();
  }
}

/** An EngineProber over `probe` that emits one `probe` event per call. */
export function engineProber(
  probe: () => Promise<EngineHealth>,
  bus: EventBus,
  clock: Clock,
  timeoutMs = PROBE_TIMEOUT_MS,
): EngineProber {
  return async (stepId) => {
    const health = await probeWithin(probe, timeoutMs, clock);
    bus.emit({
      type: 'probe',
      target: 'engine',
      ok: health.ok,
      detail: health.detail,
      durationMs: health.durationMs,
      ...(stepId === undefined ? {} : { stepId }),
    });
    return health;
  };
}

/** One phrase for messages: "healthy, podman 4.3.1 answered in 40ms" or "FAILED, connection refused". */
export function describeHealth(health: EngineHealth): string {
  return `${health.ok ? 'healthy' : 'FAILED'}, ${health.detail}`;
}
