// Reads a failed engine command's result and says what kind of failure it was, with the line
// that shows it. Shared by the adapters and the scheduler's crash path. Only the engine's own signals count: its
// final error line and exit code, or a failed spawn; never words the workload printed.
import { ExitCode } from '../errors/errors.js';
import { formatDuration } from '../config/duration.js';
import type { CommandResult } from '../exec/types.js';

export type EngineFailureCode =
  'ENGINE_NOT_FOUND' | 'ENGINE_UNREACHABLE' | 'ENGINE_TIMEOUT' | 'CANCELLED' | 'ENGINE_COMMAND_FAILED';

export interface EngineFailure {
  code: EngineFailureCode;
  exitCode: ExitCode;
  /** The output line that shows it, e.g. `Error: server probably quit: unexpected EOF`. */
  evidence: string | undefined;
}

/**
 * The engine client's own final error lines that mean the engine itself is not there (not running, socket gone,
 * crashed mid-call). Only the last line of stderr is read, and each pattern is anchored at its start: a build's RUN
 * step or a container may print any of these words, but the client's final line then is its own verdict
 * (`Error: building at STEP "...": exit status 1`, which quotes the RUN command, so never a bare substring match).
 * `podman` marks the podman client's own failures, which exit 125.
 */
const UNREACHABLE: { pattern: RegExp; podman?: true }[] = [
  { pattern: /^Error: server probably quit\b/, podman: true },
  { pattern: /^Error: unable to connect to Podman socket\b/, podman: true },
  { pattern: /^Cannot connect to the Docker daemon\b/ },
  { pattern: /^error during connect\b/i },
  // A refused API socket as the whole error, e.g. docker's `... dial unix /var/run/docker.sock: connect: ...`.
  { pattern: /^(Error: )?[^"]*\bdial unix [^ ]+: connect: (connection refused|no such file or directory)$/ },
];

/** podman's exit code for its own failures (as opposed to a RUN step's or a container's exit status). */
const PODMAN_OWN_EXIT = 125;

/** Classifies a result that is not ok; returns undefined for a successful one. */
export function classifyEngineFailure(result: CommandResult): EngineFailure | undefined {
  if (result.ok) return undefined;
  if (result.spawnError !== undefined)
    return { code: 'ENGINE_NOT_FOUND', exitCode: ExitCode.environment, evidence: result.spawnError };
  if (result.cancelled) return { code: 'CANCELLED', exitCode: ExitCode.interrupted, evidence: undefined };
  const evidence = unreachableLine(result);
  if (evidence !== undefined) return { code: 'ENGINE_UNREACHABLE', exitCode: ExitCode.environment, evidence };
  if (result.timedOut)
    return { code: 'ENGINE_TIMEOUT', exitCode: ExitCode.infrastructure, evidence: timeoutText(result) };
  return { code: 'ENGINE_COMMAND_FAILED', exitCode: ExitCode.infrastructure, evidence: rawErrorLine(result) };
}

/** The engine client's final error line when it says the engine is unreachable; never the build's or a container's output. */
export function unreachableLine(result: CommandResult): string | undefined {
  const last = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .findLast((l) => l !== '');
  if (last === undefined || /^(Error: )?building at STEP /.test(last)) return undefined;
  const match = UNREACHABLE.find(
    ({ pattern, podman }) => pattern.test(last) && (!podman || result.exitCode === PODMAN_OWN_EXIT),
  );
  return match === undefined ? undefined : last;
}

/** One line for people about why a command failed: the engine's own error line when it has one. */
export function errorLine(result: CommandResult): string | undefined {
  if (result.spawnError !== undefined) return result.spawnError;
  if (result.timedOut) return timeoutText(result);
  return (unreachableLine(result) ?? rawErrorLine(result))?.replace(/^Error: /, '');
}

/** The engine's last error line (stderr first: a RUN step's output may hold `Error:` lines too), else the last line. */
function rawErrorLine(result: CommandResult): string | undefined {
  const clean = (lines: string[]) => lines.map((l) => l.trim()).filter((l) => l !== '');
  const isError = (l: string) => /^(Error( response from daemon)?:|building at STEP )/i.test(l);
  const all = clean(outputLines(result));
  return clean(result.stderr.split('\n')).findLast(isError) ?? all.findLast(isError) ?? all.at(-1);
}

function timeoutText(result: CommandResult): string {
  return `no answer within ${formatDuration(result.timeoutMs ?? result.durationMs)}`;
}

function outputLines(result: CommandResult): string[] {
  return [...result.stderr.split('\n'), ...result.stdout.split('\n'), ...result.tail];
}

/**
 * The error line of a failed probe (`version`): the Go runtime's crash header when the engine died answering it
 * (`panic: ...`, `fatal error: ...`, a fatal signal's `SIGABRT: abort`; its last line is only a stack frame) or the header of a goroutine dump someone
 * asked a stuck engine for (`SIGQUIT: quit`), else errorLine.
 */
export function probeErrorLine(result: CommandResult): string | undefined {
  if (result.spawnError === undefined && !result.timedOut) {
    const header = outputLines(result)
      .map((l) => l.trim().replace(/^#\s?/, ''))
      .find((l) => /^(?:panic: |fatal error: |SIGQUIT: quit\b|SIG(?:ABRT|BUS|FPE|ILL|SEGV|SYS|TRAP): [a-z])/.test(l));
    if (header !== undefined) return header;
  }
  return errorLine(result);
}
