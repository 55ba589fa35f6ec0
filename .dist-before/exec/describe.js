import { formatDuration } from "../config/duration.js";
const MAX_COMMAND_CHARS = 80;
function shortCommand(command, max = MAX_COMMAND_CHARS) {
  return command.length <= max ? command : `${command.slice(0, max - 1)}\u2026`;
}
function describeFailure(result) {
  const cmd = `\`${shortCommand(result.command)}\``;
  if (result.spawnError !== void 0) return `${cmd} could not start: ${result.spawnError}`;
  const forced = result.forceKilled ? " (it ignored SIGTERM and was killed with SIGKILL)" : "";
  if (result.timedOut)
    return `${cmd} timed out after ${formatDuration(result.timeoutMs ?? result.durationMs)}${forced}`;
  if (result.cancelled) {
    return result.exitCode === void 0 && result.signal === void 0 ? `${cmd} was cancelled before it started` : `${cmd} was cancelled${forced}`;
  }
  if (result.signal !== void 0) return `${cmd} was killed by ${result.signal}`;
  if (result.exitCode === 0) return `${cmd} succeeded`;
  if (result.exitCode === void 0) return `${cmd} ended without an exit code`;
  return `${cmd} exited ${String(result.exitCode)}`;
}
export {
  describeFailure,
  shortCommand
};
//# sourceMappingURL=describe.js.map
