import { toEventError } from "../events/event-error.js";
class StepLedger {
  constructor(steps, bus) {
    this.bus = bus;
    for (const step of steps) this.states.set(step.id, "pending");
  }
  bus;
  states = /* @__PURE__ */ new Map();
  errors = /* @__PURE__ */ new Map();
  /** For a skipped step, the failed step that caused it. */
  failedRoot = /* @__PURE__ */ new Map();
  /** The step's state now. */
  state(id) {
    return this.states.get(id);
  }
  /** Marks a step running or pending again, without an event (its start or end event comes from elsewhere). */
  mark(id, state) {
    this.states.set(id, state);
  }
  /** Records how a step ended and emits its `step.finished`. */
  finish(step, outcome, durationMs) {
    this.states.set(step.id, outcome.state);
    if (outcome.state === "failed") {
      this.errors.set(step.id, outcome.error);
      this.bus.emit({
        type: "step.finished",
        stepId: step.id,
        state: "failed",
        durationMs,
        error: toEventError(outcome.error)
      });
      return;
    }
    const detail = outcome.detail === void 0 ? {} : { detail: outcome.detail };
    this.bus.emit({ type: "step.finished", stepId: step.id, state: outcome.state, durationMs, ...detail });
  }
  /** Skips a step that will never run. */
  skip(step, detail) {
    this.states.set(step.id, "skipped");
    this.bus.emit({ type: "step.finished", stepId: step.id, state: "skipped", durationMs: 0, detail });
  }
  /** Ends a step whose dependency `blocker` ended badly: cancelled with it, or skipped naming the first failure. */
  settleBlocked(step, blocker) {
    if (this.states.get(blocker) === "cancelled") {
      this.finish(step, { state: "cancelled", detail: `dependency ${blocker} was cancelled` }, 0);
      return;
    }
    const root = this.failedRoot.get(blocker) ?? blocker;
    this.failedRoot.set(step.id, root);
    this.skip(step, `dependency ${root} failed`);
  }
  /** An attempt the engine crash took down: it ends as cancelled (so its claim is released in order) and waits again. */
  requeue(step, attempt, durationMs) {
    this.states.set(step.id, "pending");
    const detail = `interrupted by the engine crash; runs again (attempt ${attempt}) once the engine answers`;
    this.bus.emit({ type: "step.finished", stepId: step.id, state: "cancelled", durationMs, detail });
  }
  /** The run's summary: cancelled if any step was, else failed if any failed or was skipped, else succeeded. */
  summary(durationMs) {
    const states = [...this.states.values()];
    const outcome = states.includes("cancelled") ? "cancelled" : states.some((s) => s === "failed" || s === "skipped") ? "failed" : "succeeded";
    return { outcome, states: new Map(this.states), errors: new Map(this.errors), durationMs };
  }
}
export {
  StepLedger
};
//# sourceMappingURL=step-ledger.js.map
