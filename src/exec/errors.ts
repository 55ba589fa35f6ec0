// Turns a failed CommandResult into the TarmacError a caller throws.
import { TarmacError, type ErrorCode, type ErrorFact, type ExitCode } from '../errors/errors.js';
import { describeFailure } from './describe.js';
import type { CommandResult } from './types.js';

const DEFAULT_DETAIL_LINES = 20;

export interface CommandFailedOptions {
  /** Stable error code, e.g. ENGINE_COMMAND_FAILED. */
  code: ErrorCode;
  /** What tarmac was trying to do, e.g. "Could not tag image x"; the failure is appended. */
  message?: string;
  hint?: string;
  stepId?: string;
  exitCode?: ExitCode;
  /** How many last output lines go into `details` (default 20). */
  detailLines?: number;
  /** What failed, as a typed fact for triage. */
  fact?: ErrorFact;
}

/** A TarmacError for a command that did not succeed, with the last lines of its output as details. */
export function commandFailed(result: CommandResult, options: CommandFailedOptions): TarmacError {
  const what = describeFailure(result);
  const message = options.message === undefined ? what : `${options.message}: ${what}`;
  const lines = options.detailLines ?? DEFAULT_DETAIL_LINES;
  return new TarmacError(options.code, message, {
    hint: options.hint,
    stepId: options.stepId,
    exitCode: options.exitCode,
    details: lines > 0 ? result.tail.slice(-lines) : [],
    ...(options.fact === undefined ? {} : { fact: options.fact }),
    cause: {
      command: result.command,
      exitCode: result.exitCode,
      signal: result.signal,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
    },
  });
}
