// Runs one step's executor under its watchdogs: the run's root signal, the step timeout and an abort grace period.
import { formatDuration } from '../config/duration.js';
import { CancelledError, ExitCode, InternalError, TarmacError, toTarmacError } from '../errors/errors.js';
import type { Step } from '../plan/types.js';
import { onTimeout, rejectAfter } from '../watch/timeout.js';
import type { StepExecutor } from './scheduler-types.js';

/** Lines of output kept per step for timeout errors. */
const TAIL_LINES = 15;

export interface StepRunOptions {
  step: Step;
  execute: StepExecutor;
  attempt: number;
  /** The run's root signal. */
  root: AbortSignal;
  /** Receives every output line while the step runs. */
  output: (line: string) => void;
  /** How long an aborted executor may take to settle before the step is given up on. */
  graceMs: number;
}

/** How a step ended. */
export type StepOutcome =
  | { state: 'succeeded' | 'cached'; detail?: string }
  | { state: 'failed'; error: TarmacError }
  | { state: 'cancelled'; detail: string };

/** The error of a step that ran longer than its timeout. */
export function stepTimeoutError(step: Step, tail: readonly string[]): TarmacError {
  return new TarmacError('STEP_TIMEOUT', `${step.id} timed out after ${formatDuration(step.timeoutMs)}`, {
    exitCode: ExitCode.infrastructure,
    stepId: step.id,
    details: tail.slice(-TAIL_LINES),
    hint: `If ${step.id} legitimately needs longer, raise \`timeouts.${step.kind}\` in tarmac.yaml; the last output lines are shown above.`,
  });
}

/** Runs the executor and turns whatever happens into an outcome; never rejects. */
export async function runStep(options: StepRunOptions): Promise<StepOutcome> {
  const { step, root } = options;
  const controller = new AbortController();
  const stop = new AbortController();
  const tail: string[] = [];
  // The first reason to abort wins: a timeout that fires during cancellation stays a cancellation, and vice versa.
  let reason: TarmacError | undefined;
  let abandoned = false;
  const abort = (error: TarmacError): void => {
    if (reason) return;
    reason = error;
    controller.abort(error);
  };
  const onRootAbort = (): void => abort(new CancelledError(`${step.id} was cancelled`));
  if (root.aborted) onRootAbort();
  else root.addEventListener('abort', onRootAbort, { once: true });
  onTimeout(step.timeoutMs, stop.signal, () => abort(stepTimeoutError(step, tail)));
  // An executor that ignores its signal must not hold up the run forever.
  const graceOver = new Promise<never>((_, reject) => {
    const startGrace = (): void => {
      rejectAfter(options.graceMs, stop.signal, () => new Error('abort grace expired')).catch((err: unknown) => {
        abandoned = true;
        reject(err);
      });
    };
    if (controller.signal.aborted) startGrace();
    else controller.signal.addEventListener('abort', startGrace, { once: true });
  });
  const output = (line: string): void => {
    if (stop.signal.aborted) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.output(line);
  };
  const work = Promise.resolve().then(() => options.execute(step, { signal: controller.signal, output, attempt: options.attempt }));
  // If the grace period wins the race, the executor may still reject later; that must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    const result = await Promise.race([work, graceOver]);
    if (reason) return fromReason(reason, abandoned, options.graceMs);
    if (result?.state !== 'succeeded' && result?.state !== 'cached') {
      return { state: 'failed', error: new InternalError(`the executor of ${step.id} returned no result state`) };
    }
    return result.detail === undefined ? { state: result.state } : { state: result.state, detail: result.detail };
  } catch (err) {
    if (reason) return fromReason(reason, abandoned, options.graceMs);
    const error = toTarmacError(err);
    if (error instanceof CancelledError) return { state: 'cancelled', detail: error.message };
    return { state: 'failed', error };
  } finally {
    stop.abort();
    root.removeEventListener('abort', onRootAbort);
  }
}

/** The outcome for a step we aborted ourselves. */
function fromReason(reason: TarmacError, abandoned: boolean, graceMs: number): StepOutcome {
  const note = abandoned ? ` (its executor did not stop within ${formatDuration(graceMs)} and may still be running)` : '';
  if (reason instanceof CancelledError) return { state: 'cancelled', detail: `${reason.message}${note}` };
  if (!abandoned) return { state: 'failed', error: reason };
  return { state: 'failed', error: new TarmacError(reason.code, `${reason.message}${note}`, {
    exitCode: reason.exitCode, stepId: reason.stepId, details: reason.details, ...(reason.hint ? { hint: reason.hint } : {}),
  }) };
}
