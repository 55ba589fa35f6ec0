// Which target an env runs on, the way selectTarget decides it (or as the run's journal recorded it).
import type { Env } from '../config/types.js';
import { findOnPath } from '../engines/find-on-path.js';
import type { TarmacEvent } from '../events/types.js';

/** kind or podman: the run's `decision` event when there is one, else the config, else whether kind is on PATH. */
export function targetType(
  env: Env,
  processEnv: NodeJS.ProcessEnv,
  events: readonly TarmacEvent[] = [],
): 'kind' | 'podman' {
  for (const event of events) {
    if (event.type !== 'decision') continue;
    const m = /^target: (kind|podman)\b/.exec(event.message);
    if (m?.[1] === 'kind' || m?.[1] === 'podman') return m[1];
  }
  if (env.cluster.target !== 'auto') return env.cluster.target;
  return findOnPath('kind', processEnv) ? 'kind' : 'podman';
}
