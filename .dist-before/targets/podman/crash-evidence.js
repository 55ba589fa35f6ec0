import { parseJsonList } from "./podman-cli.js";
import { asNumber, asRecord } from "./shape.js";
const LOG_TAIL_LINES = 20;
const EVIDENCE_TIMEOUT_MS = 1e4;
async function lastExitCode(cli, container, since, signal) {
  if (container.status === "exited" || container.status === "stopped") return container.exitCode;
  const args = [
    "events",
    "--stream=false",
    "--filter",
    `container=${container.id}`,
    "--filter",
    "event=died",
    "--format",
    "json"
  ];
  if (since) args.push("--since", since);
  const result = await cli.run(args, { signal, timeoutMs: EVIDENCE_TIMEOUT_MS });
  if (!result.ok) return void 0;
  const lines = result.stdout.split("\n").filter((line) => line.trim().startsWith("{"));
  const last = lines.at(-1);
  if (last === void 0) return void 0;
  try {
    return asNumber(asRecord(parseJsonList(last)[0])?.ContainerExitCode);
  } catch {
    return void 0;
  }
}
async function logTail(cli, containerId, signal) {
  const result = await cli.run(["logs", "--tail", String(LOG_TAIL_LINES), containerId], {
    signal,
    timeoutMs: EVIDENCE_TIMEOUT_MS,
    tailLines: LOG_TAIL_LINES
  });
  return result.ok ? result.tail : [];
}
export {
  LOG_TAIL_LINES,
  lastExitCode,
  logTail
};
//# sourceMappingURL=crash-evidence.js.map
