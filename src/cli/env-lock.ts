// The CLI side of the per-env lock (src/lease/env-lock.ts): what a waiting or taking-over run says.
import type { Env } from '../config/types.js';
import { formatDuration } from '../config/duration.js';
import { acquireEnvLock, describeHolder, type EnvLock } from '../lease/env-lock.js';
import type { CliIo } from './io.js';
import { safeText } from '../ui/safe-text.js';

/** Takes `env`'s lock for `command` (waiting unless `wait` is false). */
export function lockEnv(env: Env, command: string, wait: boolean, signal: AbortSignal, io: CliIo): Promise<EnvLock> {
  return acquireEnvLock({
    stateDir: env.stateDir,
    envName: env.name,
    command,
    wait,
    signal,
    onWait: (holder, waitedMs) =>
      void io.stderr.write(
        waitedMs === 0
          ? `env ${safeText(env.name)} is in use by ${safeText(describeHolder(holder))}: waiting for it to finish (--no-wait refuses instead)\n`
          : `still waiting for ${safeText(describeHolder(holder))} (${formatDuration(waitedMs)})\n`,
      ),
    onTakeover: (holder) =>
      void io.stderr.write(
        `env ${safeText(env.name)} was held by ${safeText(describeHolder(holder))}, which is gone: taking it over\n`,
      ),
  });
}
