// Words of the crash path: which failures are the engine's, what caused them, and the error when it never came back.
import { formatDuration } from '../config/duration.js';
import { ExitCode, TarmacError, type ErrorCode } from '../errors/errors.js';
import type { IncidentCause } from '../events/types.js';
import type { StepId } from '../plan/types.js';

/** The lines that show the engine itself went away (as classifyEngineFailure recognises them). */
const ENGINE_GONE =
  /server probably quit|unable to connect to Podman|Cannot connect to (the Docker daemon|Podman)|error during connect|connection refused|connect: no such file/i;

/** The engine client's own words for a lost engine; never a cluster API's "connection refused". */
const ENGINE_CLIENT_GONE =
  /server probably quit|unable to connect to Podman|Cannot connect to (the Docker daemon|Podman)/i;

/**
 * Whether a step's failure means the engine is gone: the crash path, not an ordinary failure.
 * Besides ENGINE_UNREACHABLE, a target error (e.g. NODE_UNAVAILABLE from `podman exec` into a kind node)
 * whose text is the engine client's own "cannot connect" is the same crash seen from another step.
 */
export function isEngineFailure(error: TarmacError): boolean {
  if (error.code === 'ENGINE_UNREACHABLE') return true;
  // Only errors of tarmac's own engine commands on nodes: a build's or a test's output is the user's text.
  return (
    ENGINE_COMMAND_CODES.has(error.code) &&
    [error.message, ...error.details].some((line) => ENGINE_CLIENT_GONE.test(line))
  );
}

const ENGINE_COMMAND_CODES = new Set<ErrorCode>(['NODE_UNAVAILABLE', 'DELIVERY_NOT_VERIFIED', 'ENGINE_COMMAND_FAILED']);

/** The short cause of an engine failure, e.g. "server probably quit: unexpected EOF". */
export function crashCause(error: TarmacError): string {
  return engineLine(error) ?? error.message;
}

/** The engine client's own line for a dead engine in the error's output or message, when there is one. */
export function engineLine(error: TarmacError): string | undefined {
  // The engine's own line (in the details) first: the message may append the command that failed.
  const line =
    [...error.details].reverse().find((l) => ENGINE_GONE.test(l)) ??
    (ENGINE_GONE.test(error.message) ? error.message : undefined);
  if (line === undefined) return undefined;
  // podman prints "Error: server probably quit: ..."; the message may have a prefix before it.
  const at = line.indexOf('Error: ');
  return (at >= 0 ? line.slice(at + 'Error: '.length) : line).trim();
}

/** The crash as an incident's typed cause: the watchdog's failed probe, else the engine error that showed it. */
export function incidentCause(error: TarmacError): IncidentCause {
  if (error.probe) return { type: 'engine-probe', probe: error.probe };
  const line = engineLine(error);
  return { type: 'engine-error', code: error.code, ...(line === undefined ? {} : { engineLine: line }) };
}

/** Wall-clock time for people, HH:MM:SS (local time). */
export function clockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** What the engine-lost error says about the crash. */
export interface LostFacts {
  crashAt: number;
  cause: string;
  /** How long tarmac waited; undefined when it did not wait (too many crashes). */
  waitedMs?: number;
  /** Crashes so far in this run, when that is why tarmac gave up. */
  crashes?: number;
  evidence: string[];
}

/** The message of the engine-lost incident and error. */
export function lostMessage(facts: LostFacts): string {
  const base = `the engine crashed at ${clockTime(facts.crashAt)} (${facts.cause})`;
  if (facts.waitedMs !== undefined) return `${base} and did not come back within ${formatDuration(facts.waitedMs)}`;
  return `${base}; it crashed ${facts.crashes ?? 0} times in this run, so tarmac stops instead of waiting again`;
}

/** The error of a step the engine crash took down for good (exit 4). */
export function engineLostError(stepId: StepId, facts: LostFacts): TarmacError {
  return new TarmacError('ENGINE_LOST', lostMessage(facts), {
    exitCode: ExitCode.infrastructure,
    stepId,
    details: facts.evidence,
    hint:
      'Bring the engine back, then run tarmac again: `podman machine start` (macOS/Windows), restart the podman API service ' +
      '(e.g. `systemctl --user start podman.socket`) or the Docker daemon. With --heal tarmac restarts a podman machine itself. ' +
      'If it keeps crashing under load, lower `build.capacity`.',
  });
}
