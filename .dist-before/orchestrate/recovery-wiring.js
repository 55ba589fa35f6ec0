import { engineServiceUrl, serviceInstanceReader } from "../engines/service-instance.js";
import { PROBE_TIMEOUT_MS } from "../watch/probe.js";
function engineWatchDeps(engine, env, heal) {
  return {
    probe: () => engine.health(PROBE_TIMEOUT_MS),
    recovery: {
      boundMs: env.timeouts.engineRecovery,
      serviceInstance: serviceInstanceReader(engineServiceUrl(engine, process.env)),
      ...heal ? { heal } : {}
    }
  };
}
export {
  engineWatchDeps
};
//# sourceMappingURL=recovery-wiring.js.map
