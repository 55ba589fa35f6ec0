import { detectEngine } from "../engines/detect.js";
import { runCommand } from "../exec/run-command.js";
import { newRunId } from "../orchestrate/run-id.js";
import { selectTarget } from "../targets/select.js";
import { loadCommandConfig } from "./load-config.js";
async function openTarget(opts, io, lifetime) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const { engine } = await detectEngine(env.engine, { runner: runCommand, env: io.env });
  const { target, why } = selectTarget(env, {
    runner: runCommand,
    engine,
    processEnv: io.env,
    runId: newRunId(),
    ...lifetime ? { lifetime } : {}
  });
  return { env, target, why };
}
function sessionTarget(session, io) {
  return selectTarget(session.env, {
    runner: runCommand,
    engine: session.engine,
    processEnv: io.env,
    runId: session.bus.runId,
    lifetime: session.lifetime,
    notify: (message) => session.bus.emit({ type: "decision", message })
  });
}
export {
  openTarget,
  sessionTarget
};
//# sourceMappingURL=target-session.js.map
