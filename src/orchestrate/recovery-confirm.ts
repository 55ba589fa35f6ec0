// Confirms a suspected engine crash with the engine's own signals: a probe right after the failure, and whether the
// API service behind the socket is a new instance. A step's error alone never pauses the run.
import { describeHealth, type EngineProber } from '../watch/probe.js';
import type { EngineHealth } from '../engines/types.js';
import type { StepId } from '../plan/types.js';

/** What the probe after a suspected crash showed. */
export interface CrashCheck {
  crashed: boolean;
  health: EngineHealth;
  /** The service identity now (see serviceInstanceReader). */
  instance: string | undefined;
  /** One line for the journal: the probe result and what tarmac concluded from it. */
  fact: string;
}

/**
 * Probes the engine for the step whose error suspects a crash. Crashed: the probe failed, or it answers but the
 * service is a new instance (it restarted). Otherwise the step failed on its own.
 */
export async function checkSuspectedCrash(
  probe: EngineProber,
  stepId: StepId,
  before: string | undefined,
  readInstance: (() => string | undefined) | undefined,
): Promise<CrashCheck> {
  const health = await probe(stepId);
  const instance = readInstance?.();
  const probed = `engine probe after ${stepId} failed: ${describeHealth(health)}`;
  if (!health.ok) return { crashed: true, health, instance, fact: probed };
  if (instance !== before)
    return { crashed: true, health, instance, fact: `${probed}; the API service restarted (its socket is new)` };
  const same = before === undefined ? 'no sign it restarted' : 'same API service (its socket is unchanged)';
  return {
    crashed: false,
    health,
    instance,
    fact: `${probed}; ${same}: not an engine crash, ${stepId} failed on its own (no pause, no retry, capacity unchanged)`,
  };
}
