// The one error family of tarmac: every error carries a code, a hint and an exit code,
// and is rendered once, in src/cli/.

import { ERROR_CODES, ExitCode, type ErrorCode } from './codes.js';
import type { ErrorFact } from './error-facts.js';

export { ERROR_CODES, ERROR_CODE_NAMES, ExitCode, isErrorCode, type ErrorCode } from './codes.js';
export type { BuildFact, ErrorFact, WorkloadFact } from './error-facts.js';

/** What an engine health probe found (a watchdog's probe when it failed a step): typed, so triage never parses `detail`. */
export interface EngineProbeFact {
  ok: boolean;
  /** The probe got no answer within its budget (a hung engine), rather than an error. */
  timedOut: boolean;
  durationMs: number;
  /** One line for people: "podman 4.3.1 answered in 80ms" or the error. */
  detail: string;
}

/** An engine health result (src/engines EngineHealth) as the typed probe fact errors and events carry. */
export function engineProbeFact(health: {
  ok: boolean;
  detail: string;
  durationMs: number;
  timedOut?: boolean;
}): EngineProbeFact {
  return { ok: health.ok, timedOut: health.timedOut === true, durationMs: health.durationMs, detail: health.detail };
}

export interface TarmacErrorOptions {
  hint?: string;
  cause?: unknown;
  exitCode?: ExitCode;
  /** Step the error belongs to, when it happened inside a step. */
  stepId?: string;
  /** Extra lines shown under the message (e.g. the last lines of a command's output). */
  details?: string[];
  /** The engine probe taken when the error was raised (watchdog timeouts and stalls). */
  probe?: EngineProbeFact;
  /** What failed, as a typed fact triage reads (never the message). */
  fact?: ErrorFact;
}

/** Base error: a stable `code` (e.g. `CONFIG_INVALID`), a message, a hint and an exit code. */
export class TarmacError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  readonly stepId: string | undefined;
  readonly details: string[];
  readonly probe: EngineProbeFact | undefined;
  readonly fact: ErrorFact | undefined;

  constructor(code: ErrorCode, message: string, options: TarmacErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TarmacError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ERROR_CODES[code].exit;
    this.stepId = options.stepId;
    this.details = options.details ?? [];
    this.probe = options.probe;
    this.fact = options.fact;
  }

  /** Plain object for journals and --json output. */
  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, hint: this.hint, stepId: this.stepId, details: this.details };
  }
}

/** A problem found in a config file; `problems` lists every one of them, located. */
export class ConfigError extends TarmacError {
  readonly problems: ConfigProblem[];
  constructor(file: string, problems: ConfigProblem[]) {
    super('CONFIG_INVALID', `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found`, {
      exitCode: ExitCode.usage,
      hint: 'Fix the problems listed above, then run `tarmac validate` again.',
    });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** One located config problem, printed as `file:line:col path: message` plus the hint. */
export interface ConfigProblem {
  file: string;
  line: number;
  col: number;
  /** Dotted path into the document, e.g. `images[1].weight`. */
  path: string;
  message: string;
  hint?: string;
}

/** A bug in tarmac itself: printed with a request to report it. */
export class InternalError extends TarmacError {
  constructor(message: string, cause?: unknown) {
    super('INTERNAL', message, {
      exitCode: ExitCode.internal,
      cause,
      hint: 'This is a bug in tarmac; please report it with the output above.',
    });
    this.name = 'InternalError';
  }
}

/** Raised when the user interrupts (SIGINT/SIGTERM) or the root signal aborts. */
export class CancelledError extends TarmacError {
  constructor(message = 'Cancelled') {
    super('CANCELLED', message, { exitCode: ExitCode.interrupted });
    this.name = 'CancelledError';
  }
}

/** Wraps anything thrown into a TarmacError, keeping TarmacErrors as they are. */
export function toTarmacError(err: unknown): TarmacError {
  if (err instanceof TarmacError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new InternalError(message, err);
}
