import { formatDuration } from "../config/duration.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
const ENGINE_GONE = /server probably quit|unable to connect to Podman|Cannot connect to (the Docker daemon|Podman)|error during connect|connection refused|connect: no such file/i;
const ENGINE_CLIENT_GONE = /server probably quit|unable to connect to Podman|Cannot connect to (the Docker daemon|Podman)/i;
function isEngineFailure(error) {
  if (error.code === "ENGINE_UNREACHABLE") return true;
  return ENGINE_COMMAND_CODES.has(error.code) && [error.message, ...error.details].some((line) => ENGINE_CLIENT_GONE.test(line));
}
const ENGINE_COMMAND_CODES = /* @__PURE__ */ new Set(["NODE_UNAVAILABLE", "DELIVERY_NOT_VERIFIED", "ENGINE_COMMAND_FAILED"]);
function crashCause(error) {
  return engineLine(error) ?? error.message;
}
function engineLine(error) {
  const line = [...error.details].reverse().find((l) => ENGINE_GONE.test(l)) ?? (ENGINE_GONE.test(error.message) ? error.message : void 0);
  if (line === void 0) return void 0;
  const at = line.indexOf("Error: ");
  return (at >= 0 ? line.slice(at + "Error: ".length) : line).trim();
}
function incidentCause(error) {
  if (error.probe) return { type: "engine-probe", probe: error.probe };
  const line = engineLine(error);
  return { type: "engine-error", code: error.code, ...line === void 0 ? {} : { engineLine: line } };
}
function clockTime(at) {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}
function lostMessage(facts) {
  const base = `the engine crashed at ${clockTime(facts.crashAt)} (${facts.cause})`;
  if (facts.waitedMs !== void 0) return `${base} and did not come back within ${formatDuration(facts.waitedMs)}`;
  return `${base}; it crashed ${facts.crashes ?? 0} times in this run, so tarmac stops instead of waiting again`;
}
function engineLostError(stepId, facts) {
  return new TarmacError("ENGINE_LOST", lostMessage(facts), {
    exitCode: ExitCode.infrastructure,
    stepId,
    details: facts.evidence,
    hint: "Bring the engine back, then run tarmac again: `podman machine start` (macOS/Windows), restart the podman API service (e.g. `systemctl --user start podman.socket`) or the Docker daemon. With --heal tarmac restarts a podman machine itself. If it keeps crashing under load, lower `build.capacity`."
  });
}
export {
  clockTime,
  crashCause,
  engineLine,
  engineLostError,
  incidentCause,
  isEngineFailure,
  lostMessage
};
//# sourceMappingURL=recovery-errors.js.map
