// The jobs the hash worker runs, and how their outcome (or error) crosses the thread boundary.
import type { ContextEntry } from '../context-entry.js';
import { digestContext, type ContextHash } from '../context-digest.js';
import { walkContext } from '../context-walk.js';
import { InternalError, TarmacError, type ErrorCode, type ExitCode } from '../../errors/errors.js';

/** What each job returns. */
export interface JobResults {
  list: ContextEntry[];
  hash: ContextHash;
}

/** One job: list or hash the context at the absolute path `root`. */
export interface ContextJob<K extends keyof JobResults = keyof JobResults> {
  op: K;
  root: string;
}

/** A TarmacError's fields: errors are structured-cloned without their class. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  hint: string | undefined;
  exitCode: ExitCode;
  details: string[];
  stack: string | undefined;
}

export type JobOutcome<K extends keyof JobResults = keyof JobResults> =
  { ok: true; value: JobResults[K] } | { ok: false; error: SerializedError };

/** Runs a job synchronously and never throws: failures come back as a SerializedError. */
export function runJob<K extends keyof JobResults>(job: ContextJob<K>): JobOutcome<K> {
  try {
    const value = (job.op === 'list' ? walkContext(job.root) : digestContext(job.root)) as JobResults[K];
    return { ok: true, value };
  } catch (err) {
    const e =
      err instanceof TarmacError ? err : new InternalError(err instanceof Error ? err.message : String(err), err);
    return {
      ok: false,
      error: {
        code: e.code,
        message: e.message,
        hint: e.hint,
        exitCode: e.exitCode,
        details: e.details,
        stack: e.stack,
      },
    };
  }
}

/** Rebuilds the TarmacError a worker reported, keeping its stack from the worker as `details`' last resort. */
export function reviveError(error: SerializedError): TarmacError {
  const revived = new TarmacError(error.code, error.message, {
    hint: error.hint,
    exitCode: error.exitCode,
    details: error.details,
  });
  if (error.stack) revived.stack = error.stack;
  return revived;
}
