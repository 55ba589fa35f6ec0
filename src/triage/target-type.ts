// Which target an env runs on, the way selectTarget decides it (or as the run's journal recorded it).
import type { Env } from '../config/types.js';
import { findOnPath } from '../engines/find-on-path.js';
import type { TarmacEvent } from '../events/types.js';

/** kind or podman: as the run's `run.started` recorded it, else the config, else whether kind is on PATH. */
export function targetType(
  env: Env,
  processEnv: NodeJS.ProcessEnv,
  events: readonly TarmacEvent[] = [],
): 'kind' | 'podman' {
  const started = events.find((e) => e.type === 'run.started');
  if (started?.type === 'run.started' && started.target !== 'none') return started.target;
  if (env.cluster.target !== 'auto') return env.cluster.target;
  return findOnPath('kind', processEnv) ? 'kind' : 'podman';
}
