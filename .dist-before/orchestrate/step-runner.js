import { formatDuration } from "../config/duration.js";
import { CancelledError, InternalError, TarmacError, toTarmacError } from "../errors/errors.js";
import { watchStall } from "../watch/stall.js";
import { TAIL_LINES, stallEngineError, stepTimeoutError } from "../watch/step-errors.js";
import { onTimeout, rejectAfter } from "../watch/timeout.js";
async function runStep(options) {
  const { step, root } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const controller = new AbortController();
  const stop = new AbortController();
  const tail = [];
  let reason;
  let timeoutReport;
  let abandoned = false;
  const abort = (error) => {
    if (reason) return;
    reason = error;
    controller.abort(error);
  };
  const onRootAbort = () => abort(new CancelledError(`${step.id} was cancelled`));
  if (root.aborted) onRootAbort();
  else root.addEventListener("abort", onRootAbort, { once: true });
  const stall = watchStall({
    stallMs: options.probe ? step.stallMs : Number.POSITIVE_INFINITY,
    stop: stop.signal,
    now,
    check: async (silentMs) => {
      if (controller.signal.aborted) return false;
      const health = await options.probe();
      if (controller.signal.aborted || stop.signal.aborted) return false;
      if (!health.ok) abort(stallEngineError(step, silentMs, health, tail));
      else options.onStillWaiting?.(silentMs, health);
      return health.ok;
    }
  });
  onTimeout(step.timeoutMs, stop.signal, () => {
    const facts = { ranMs: now() - startedAt, silentMs: now() - stall.lastOutputAt };
    if (reason) return;
    abort(stepTimeoutError(step, tail, facts));
    if (options.probe) {
      timeoutReport = options.probe().then(
        (health) => stepTimeoutError(step, tail, { ...facts, health }),
        () => stepTimeoutError(step, tail, facts)
      );
    }
  });
  const graceOver = new Promise((_, reject) => {
    const startGrace = () => {
      rejectAfter(options.graceMs, stop.signal, () => new Error("abort grace expired")).catch((err) => {
        abandoned = true;
        reject(err);
      });
    };
    if (controller.signal.aborted) startGrace();
    else controller.signal.addEventListener("abort", startGrace, { once: true });
  });
  const output = (line) => {
    if (stop.signal.aborted) return;
    stall.touch();
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    options.output(line);
  };
  const work = Promise.resolve().then(
    () => options.execute(step, { signal: controller.signal, output, attempt: options.attempt })
  );
  work.catch(() => void 0);
  const aborted = async () => {
    const gaveUp = abandoned;
    stop.abort();
    return fromReason(timeoutReport ? await timeoutReport : reason, gaveUp, options.graceMs);
  };
  try {
    const result = await Promise.race([work, graceOver]);
    if (reason) return await aborted();
    if (result?.state !== "succeeded" && result?.state !== "cached") {
      return { state: "failed", error: new InternalError(`the executor of ${step.id} returned no result state`) };
    }
    return result.detail === void 0 ? { state: result.state } : { state: result.state, detail: result.detail };
  } catch (err) {
    if (reason) return await aborted();
    const error = toTarmacError(err);
    if (error instanceof CancelledError) return { state: "cancelled", detail: error.message };
    return { state: "failed", error };
  } finally {
    stop.abort();
    root.removeEventListener("abort", onRootAbort);
  }
}
function fromReason(reason, abandoned, graceMs) {
  const note = abandoned ? ` (its executor did not stop within ${formatDuration(graceMs)} and may still be running)` : "";
  if (reason instanceof CancelledError) return { state: "cancelled", detail: `${reason.message}${note}` };
  if (!abandoned) return { state: "failed", error: reason };
  return {
    state: "failed",
    error: new TarmacError(reason.code, `${reason.message}${note}`, {
      exitCode: reason.exitCode,
      stepId: reason.stepId,
      details: reason.details,
      ...reason.hint ? { hint: reason.hint } : {}
    })
  };
}
export {
  runStep
};
//# sourceMappingURL=step-runner.js.map
