import { formatDuration } from "../config/duration.js";
import { acquireEnvLock, describeHolder } from "../lease/env-lock.js";
import { safeText } from "../ui/safe-text.js";
function lockEnv(env, command, wait, signal, io) {
  return acquireEnvLock({
    stateDir: env.stateDir,
    envName: env.name,
    command,
    wait,
    signal,
    onWait: (holder, waitedMs) => void io.stderr.write(
      waitedMs === 0 ? `env ${safeText(env.name)} is in use by ${safeText(describeHolder(holder))}: waiting for it to finish (--no-wait refuses instead)
` : `still waiting for ${safeText(describeHolder(holder))} (${formatDuration(waitedMs)})
`
    ),
    onTakeover: (holder) => void io.stderr.write(
      `env ${safeText(env.name)} was held by ${safeText(describeHolder(holder))}, which is gone: taking it over
`
    )
  });
}
export {
  lockEnv
};
//# sourceMappingURL=env-lock.js.map
