// Runs one step's executor under its watchdogs: the run's root signal, the step timeout, the stall detector
// (with an engine probe) and an abort grace period.
import { formatDuration } from '../config/duration.js';
import type { EngineHealth } from '../engines/types.js';
import { CancelledError, InternalError, TarmacError, toTarmacError } from '../errors/errors.js';
import type { Step } from '../plan/types.js';
import { watchStall } from '../watch/stall.js';
import { TAIL_LINES, stallEngineError, stepTimeoutError } from '../watch/step-errors.js';
import { onTimeout, rejectAfter } from '../watch/timeout.js';
import type { StepExecutor } from '../plan/step-executor.js';

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
  /** Clock for "ran for" and "no output for" (default Date.now). */
  now?: () => number;
  /** Probes the engine under a hard timeout, never rejecting; without it there is no stall detection. */
  probe?: () => Promise<EngineHealth>;
  /** Told when a stall probe found the engine healthy: the step keeps waiting. */
  onStillWaiting?: (silentMs: number, health: EngineHealth) => void;
}

/** How a step ended. */
export type StepOutcome =
  | { state: 'succeeded' | 'cached'; detail?: string }
  | { state: 'failed'; error: TarmacError }
  | { state: 'cancelled'; detail: string };

/** Runs the executor and turns whatever happens into an outcome; never rejects. */
export async function runStep(options: StepRunOptions): Promise<StepOutcome> {
  const { step, root } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const controller = new AbortController();
  const stop = new AbortController();
  const tail: string[] = [];
  // The first reason to abort wins: a timeout that fires during cancellation stays a cancellation, and vice versa.
  let reason: TarmacError | undefined;
  // A timeout's message waits for the probe taken when it fired.
  let timeoutReport: Promise<TarmacError> | undefined;
  let abandoned = false;
  const abort = (error: TarmacError): void => {
    if (reason) return;
    reason = error;
    controller.abort(error);
  };
  const onRootAbort = (): void => abort(new CancelledError(`${step.id} was cancelled`));
  if (root.aborted) onRootAbort();
  else root.addEventListener('abort', onRootAbort, { once: true });
  const stall = watchStall({
    stallMs: options.probe ? step.stallMs : Number.POSITIVE_INFINITY,
    stop: stop.signal,
    now,
    check: async (silentMs) => {
      // An aborted step is winding down: its silence means nothing any more.
      if (controller.signal.aborted) return false;
      const health = await options.probe!();
      if (controller.signal.aborted || stop.signal.aborted) return false;
      if (!health.ok) abort(stallEngineError(step, silentMs, health, tail));
      else options.onStillWaiting?.(silentMs, health);
      return health.ok;
    },
  });
  onTimeout(step.timeoutMs, stop.signal, () => {
    const facts = { ranMs: now() - startedAt, silentMs: now() - stall.lastOutputAt };
    if (reason) return;
    abort(stepTimeoutError(step, tail, facts));
    if (options.probe) {
      timeoutReport = options.probe().then(
        (health) => stepTimeoutError(step, tail, { ...facts, health }),
        () => stepTimeoutError(step, tail, facts),
      );
    }
  });
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
    stall.touch();
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.output(line);
  };
  const work = Promise.resolve().then(() =>
    options.execute(step, { signal: controller.signal, output, attempt: options.attempt }),
  );
  // If the grace period wins the race, the executor may still reject later; that must not become an unhandled rejection.
  work.catch(() => undefined);
  const aborted = async (): Promise<StepOutcome> => {
    // The step is over: end the grace timer before waiting for the timeout's probe, or it would call the executor stuck.
    const gaveUp = abandoned;
    stop.abort();
    return fromReason(timeoutReport ? await timeoutReport : reason!, gaveUp, options.graceMs);
  };
  try {
    const result = await Promise.race([work, graceOver]);
    if (reason) return await aborted();
    if (result?.state !== 'succeeded' && result?.state !== 'cached') {
      return { state: 'failed', error: new InternalError(`the executor of ${step.id} returned no result state`) };
    }
    return result.detail === undefined ? { state: result.state } : { state: result.state, detail: result.detail };
  } catch (err) {
    if (reason) return await aborted();
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
  const note = abandoned
    ? ` (its executor did not stop within ${formatDuration(graceMs)} and may still be running)`
    : '';
  if (reason instanceof CancelledError) return { state: 'cancelled', detail: `${reason.message}${note}` };
  if (!abandoned) return { state: 'failed', error: reason };
  return {
    state: 'failed',
    error: new TarmacError(reason.code, `${reason.message}${note}`, {
      exitCode: reason.exitCode,
      stepId: reason.stepId,
      details: reason.details,
      ...(reason.hint ? { hint: reason.hint } : {}),
    }),
  };
}
