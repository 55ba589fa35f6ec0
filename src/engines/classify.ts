// Reads a failed engine command's result and says what kind of failure it was, with the line
// that shows it. Shared by the adapters and, later, the scheduler's crash path and triage.
import { ExitCode } from '../errors/errors.js';
import { formatDuration } from '../config/duration.js';
import type { RunResult } from '../exec/types.js';

export type EngineFailureCode =
  'ENGINE_NOT_FOUND' | 'ENGINE_UNREACHABLE' | 'ENGINE_TIMEOUT' | 'CANCELLED' | 'ENGINE_COMMAND_FAILED';

export interface EngineFailure {
  code: EngineFailureCode;
  exitCode: ExitCode;
  /** The output line that shows it, e.g. `Error: server probably quit: unexpected EOF`. */
  evidence: string | undefined;
}

/** Output that means the engine itself is not there (not running, socket gone, crashed mid-call). */
// Most specific first: the first pattern that matches a line gives the evidence.
const UNREACHABLE: { pattern: RegExp; unless?: RegExp }[] = [
  { pattern: /server probably quit/i },
  { pattern: /unable to connect to Podman socket/i },
  { pattern: /Cannot connect to the Docker daemon/i },
  { pattern: /error during connect/i },
  { pattern: /dial unix .*: connect: (connection refused|no such file or directory)/i },
  { pattern: /Cannot connect to Podman/i },
  // A registry refusing a push or pull is a registry problem, not an engine problem.
  { pattern: /connection refused/i, unless: /registry|\/v2\//i },
];

/** Classifies a result that is not ok; returns undefined for a successful one. */
export function classifyEngineFailure(result: RunResult): EngineFailure | undefined {
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

/** The line showing the engine is unreachable, if any line does. */
export function unreachableLine(result: RunResult): string | undefined {
  const lines = outputLines(result);
  for (const { pattern, unless } of UNREACHABLE) {
    const line = lines.find((l) => pattern.test(l) && !unless?.test(l));
    if (line !== undefined) return line.trim();
  }
  return undefined;
}

/** One line for people about why a command failed: the engine's own error line when it has one. */
export function errorLine(result: RunResult): string | undefined {
  if (result.spawnError !== undefined) return result.spawnError;
  if (result.timedOut) return timeoutText(result);
  return (unreachableLine(result) ?? rawErrorLine(result))?.replace(/^Error: /, '');
}

/** The last `Error:` line of the output, else its last line. */
function rawErrorLine(result: RunResult): string | undefined {
  const lines = outputLines(result)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return [...lines].reverse().find((l) => /^Error( response from daemon)?:/i.test(l)) ?? lines.at(-1);
}

function timeoutText(result: RunResult): string {
  return `no answer within ${formatDuration(result.timeoutMs ?? result.durationMs)}`;
}

function outputLines(result: RunResult): string[] {
  return [...result.stderr.split('\n'), ...result.stdout.split('\n'), ...result.tail];
}
