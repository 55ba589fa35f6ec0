import { detectEngine } from "../engines/detect.js";
import { findOnPath } from "../engines/find-on-path.js";
import { autoStrategies, configuredStrategy } from "../engines/strategies.js";
const DETECT_PROBE_MS = 2e3;
async function engineForTriage(config, runner, processEnv) {
  try {
    return (await detectEngine(config, { runner, env: processEnv, healthTimeoutMs: DETECT_PROBE_MS })).engine;
  } catch {
    const strategies = config.type === "auto" ? autoStrategies(config, runner, processEnv) : [configuredStrategy({ ...config, type: config.type }, runner)];
    return strategies.find((s) => s.applies(processEnv) && findOnPath(s.bin, processEnv) !== void 0)?.create();
  }
}
export {
  engineForTriage
};
//# sourceMappingURL=triage-engine.js.map
