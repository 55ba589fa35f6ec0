// What commands hand the scheduler so it watches the engine: the health probe and the crash-recovery settings.
import type { Env } from '../config/types.js';
import { engineServiceUrl, serviceInstanceReader } from '../engines/service-instance.js';
import type { ContainerEngine } from '../engines/types.js';
import { PROBE_TIMEOUT_MS } from '../watch/probe.js';
import type { EngineHealer } from './recovery.js';
import type { SchedulerDeps } from './scheduler-types.js';

/** `probe` and `recovery` for SchedulerDeps; `heal` is set with --heal. */
export function engineWatchDeps(
  engine: ContainerEngine,
  env: Env,
  heal?: EngineHealer,
): Pick<SchedulerDeps, 'probe' | 'recovery'> {
  return {
    probe: (): ReturnType<ContainerEngine['health']> => engine.health(PROBE_TIMEOUT_MS),
    recovery: {
      boundMs: env.timeouts.engineRecovery,
      serviceInstance: serviceInstanceReader(engineServiceUrl(engine, process.env)),
      ...(heal ? { heal } : {}),
    },
  };
}
