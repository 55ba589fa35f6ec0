import { ExitCode } from "../errors/errors.js";
import { formatDuration } from "../config/duration.js";
const UNREACHABLE = [
  { pattern: /^Error: server probably quit\b/, podman: true },
  { pattern: /^Error: unable to connect to Podman socket\b/, podman: true },
  { pattern: /^Cannot connect to the Docker daemon\b/ },
  { pattern: /^error during connect\b/i },
  // A refused API socket as the whole error, e.g. docker's `... dial unix /var/run/docker.sock: connect: ...`.
  { pattern: /^(Error: )?[^"]*\bdial unix [^ ]+: connect: (connection refused|no such file or directory)$/ }
];
const PODMAN_OWN_EXIT = 125;
function classifyEngineFailure(result) {
  if (result.ok) return void 0;
  if (result.spawnError !== void 0)
    return { code: "ENGINE_NOT_FOUND", exitCode: ExitCode.environment, evidence: result.spawnError };
  if (result.cancelled) return { code: "CANCELLED", exitCode: ExitCode.interrupted, evidence: void 0 };
  const evidence = unreachableLine(result);
  if (evidence !== void 0) return { code: "ENGINE_UNREACHABLE", exitCode: ExitCode.environment, evidence };
  if (result.timedOut)
    return { code: "ENGINE_TIMEOUT", exitCode: ExitCode.infrastructure, evidence: timeoutText(result) };
  return { code: "ENGINE_COMMAND_FAILED", exitCode: ExitCode.infrastructure, evidence: rawErrorLine(result) };
}
function unreachableLine(result) {
  const last = result.stderr.split("\n").map((l) => l.trim()).findLast((l) => l !== "");
  if (last === void 0 || /^(Error: )?building at STEP /.test(last)) return void 0;
  const match = UNREACHABLE.find(
    ({ pattern, podman }) => pattern.test(last) && (!podman || result.exitCode === PODMAN_OWN_EXIT)
  );
  return match === void 0 ? void 0 : last;
}
function errorLine(result) {
  if (result.spawnError !== void 0) return result.spawnError;
  if (result.timedOut) return timeoutText(result);
  return (unreachableLine(result) ?? rawErrorLine(result))?.replace(/^Error: /, "");
}
function rawErrorLine(result) {
  const clean = (lines) => lines.map((l) => l.trim()).filter((l) => l !== "");
  const isError = (l) => /^(Error( response from daemon)?:|building at STEP )/i.test(l);
  const all = clean(outputLines(result));
  return clean(result.stderr.split("\n")).findLast(isError) ?? all.findLast(isError) ?? all.at(-1);
}
function timeoutText(result) {
  return `no answer within ${formatDuration(result.timeoutMs ?? result.durationMs)}`;
}
function outputLines(result) {
  return [...result.stderr.split("\n"), ...result.stdout.split("\n"), ...result.tail];
}
export {
  classifyEngineFailure,
  errorLine,
  unreachableLine
};
//# sourceMappingURL=classify.js.map
