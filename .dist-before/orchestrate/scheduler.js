import { formatDuration } from "../config/duration.js";
import { CancelledError, InternalError, toTarmacError } from "../errors/errors.js";
import { systemClock } from "../events/bus.js";
import { stepsToStart } from "../plan/admission.js";
import { topoOrder } from "../plan/graph.js";
import { startHeartbeat } from "../watch/heartbeat.js";
import { engineProber } from "../watch/probe.js";
import { CrashRecovery } from "./recovery.js";
import { Resource } from "./resources.js";
import { StepLedger } from "./step-ledger.js";
import { runStep } from "./step-runner.js";
const DEFAULT_ABORT_GRACE_MS = 3e4;
const DEFAULT_ENGINE_RECOVERY_MS = 12e4;
const DONE_OK = /* @__PURE__ */ new Set(["succeeded", "cached"]);
const DONE_BAD = /* @__PURE__ */ new Set(["failed", "skipped", "cancelled"]);
class Scheduler {
  /** Validates the plan's graph (throws PlanCycleError) and prepares the engine resource. */
  constructor(plan, deps) {
    this.deps = deps;
    this.clock = deps.clock ?? systemClock;
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    this.steps = topoOrder(plan.steps).map((id) => byId.get(id));
    plan.steps.forEach((s, i) => this.rank.set(s.id, i));
    this.ledger = new StepLedger(this.steps, deps.bus);
    this.engine = new Resource("engine", deps.capacity);
    this.prober = deps.probe ? engineProber(deps.probe, deps.bus, this.clock) : void 0;
    this.recovery = this.prober && new CrashRecovery({
      bus: deps.bus,
      clock: this.clock,
      signal: deps.signal,
      probe: this.prober,
      engine: this.engine,
      options: deps.recovery ?? { boundMs: DEFAULT_ENGINE_RECOVERY_MS },
      onResume: () => this.pump(),
      onLost: (errors) => {
        for (const [id, error] of errors)
          if (this.ledger.state(id) === "pending") this.ledger.finish(byId.get(id), { state: "failed", error }, 0);
      }
    });
  }
  deps;
  engine;
  clock;
  steps;
  rank = /* @__PURE__ */ new Map();
  ledger;
  running = /* @__PURE__ */ new Map();
  /** Attempt number of the next start, for steps requeued after an engine crash. */
  attempts = /* @__PURE__ */ new Map();
  prober;
  recovery;
  stop = new AbortController();
  startedAt = 0;
  pumping = false;
  pumpAgain = false;
  resolve;
  /** Runs every step to a terminal state; resolves (never rejects) once no executor is left running. */
  run() {
    if (this.resolve) throw new InternalError("Scheduler.run() may only be called once");
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.startedAt = this.clock.now();
      const { bus, signal } = this.deps;
      const unsubscribe = this.engine.onChange((r) => {
        bus.emit({ type: "resource", ...r });
        this.pump();
      });
      bus.emit({ type: "resource", ...this.engine.snapshot() });
      const onAbort = () => this.pump();
      signal.addEventListener("abort", onAbort, { once: true });
      this.stop.signal.addEventListener(
        "abort",
        () => {
          signal.removeEventListener("abort", onAbort);
          unsubscribe();
        },
        { once: true }
      );
      startHeartbeat(this.deps.heartbeatMs, this.stop.signal, () => this.heartbeat());
      this.pump();
    });
  }
  /** One round of decisions; re-entrant calls are folded into the running round. */
  pump() {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.decide();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }
  decide() {
    if (this.stop.signal.aborted) return;
    const ready = this.settle();
    if (this.recovery?.paused) return;
    const now = this.clock.now();
    const holders = [...this.running.values()].map((r) => ({
      claim: r.step.claims.engine,
      expectedEndAt: r.startedAt + r.step.estimateMs
    }));
    for (const step of stepsToStart(ready, holders, this.engine.capacity, now, this.rank)) this.start(step);
    if (this.running.size > 0) return;
    for (const step of this.steps) {
      if (this.ledger.state(step.id) === "pending") {
        const error = new InternalError(`scheduler stalled with ${step.id} pending`);
        this.ledger.finish(step, { state: "failed", error }, 0);
      }
    }
    this.complete();
  }
  /** Ends the pending steps that can no longer run (or need not: cached) and returns those ready to start. */
  settle() {
    const cancelled = this.deps.signal.aborted;
    const state = (id) => this.ledger.state(id);
    const ready = [];
    for (const step of this.steps) {
      if (state(step.id) !== "pending") continue;
      const blocker = step.deps.find((d) => DONE_BAD.has(state(d)));
      if (blocker !== void 0) this.ledger.settleBlocked(step, blocker);
      else if (cancelled)
        this.ledger.finish(step, { state: "cancelled", detail: "run cancelled before the step started" }, 0);
      else if (this.recovery?.engineLost) this.ledger.skip(step, "not started: the engine was lost");
      else if (!step.deps.every((d) => DONE_OK.has(state(d)))) continue;
      else if (step.after?.some((d) => !DONE_OK.has(state(d)) && !DONE_BAD.has(state(d)))) continue;
      else if (step.cached) {
        const detail = step.cachedDetail === void 0 ? {} : { detail: step.cachedDetail };
        this.ledger.finish(step, { state: "cached", ...detail }, 0);
      } else ready.push(step);
    }
    return ready;
  }
  start(step) {
    const entry = { step, startedAt: this.clock.now(), attempt: this.attempts.get(step.id) ?? 1 };
    this.ledger.mark(step.id, "running");
    this.running.set(step.id, entry);
    const output = (line) => {
      entry.lastLine = line;
      this.deps.bus.emit({ type: "step.output", stepId: step.id, line });
    };
    const gate = this.deps.hostGate?.(step, { signal: this.deps.signal, output });
    if (gate)
      gate.then(
        (release) => this.launch(entry, output, release),
        (err) => this.gateFailed(entry, err)
      );
    else this.launch(entry, output, () => void 0);
  }
  launch(entry, output, releaseHost) {
    const { step } = entry;
    if (this.recovery?.paused || this.recovery?.engineLost) return this.backToPending(step, releaseHost);
    entry.startedAt = this.clock.now();
    this.deps.bus.emit({ type: "step.started", stepId: step.id, claims: step.claims, attempt: entry.attempt });
    this.engine.take(step.claims.engine);
    const graceMs = this.deps.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS;
    const prober = this.prober;
    const watch = prober && {
      probe: () => prober(step.id),
      onStillWaiting: (silentMs) => this.deps.bus.emit({
        type: "decision",
        message: `${step.id}: still waiting, engine healthy (no output for ${formatDuration(silentMs)})`
      })
    };
    void runStep({
      step,
      execute: this.deps.execute,
      attempt: entry.attempt,
      root: this.deps.signal,
      output,
      graceMs,
      now: () => this.clock.now(),
      ...watch
    }).catch((err) => ({
      state: "failed",
      error: new InternalError(`running ${step.id} failed unexpectedly`, err)
    })).then(async (outcome) => {
      const durationMs = this.clock.now() - entry.startedAt;
      const verdict = outcome.state === "failed" ? await this.recovery?.onFailure(step, outcome.error, {
        ids: [...this.running.keys()],
        weight: this.engine.inUse
      }) : void 0;
      this.running.delete(step.id);
      if (verdict?.action === "requeue") this.requeue(step, entry.attempt + 1, durationMs);
      else
        this.ledger.finish(
          step,
          verdict?.action === "fail" ? { state: "failed", error: verdict.error } : outcome,
          durationMs
        );
      releaseHost();
      this.engine.release(step.claims.engine);
      this.pump();
    });
  }
  /** A step that never got through the host gate: cancelled with the run, or failed with the lease's error. */
  gateFailed(entry, err) {
    this.running.delete(entry.step.id);
    const error = toTarmacError(err);
    this.ledger.finish(
      entry.step,
      error instanceof CancelledError ? { state: "cancelled", detail: error.message } : { state: "failed", error },
      0
    );
    this.pump();
  }
  backToPending(step, releaseHost) {
    releaseHost();
    this.running.delete(step.id);
    this.ledger.mark(step.id, "pending");
    this.pump();
  }
  /** An attempt the engine crash took down: it ends (so its claim is released in order) and waits to run again. */
  requeue(step, attempt, durationMs) {
    this.attempts.set(step.id, attempt);
    this.ledger.requeue(step, attempt, durationMs);
  }
  heartbeat() {
    const now = this.clock.now();
    const running = [...this.running.values()].map((r) => ({
      stepId: r.step.id,
      elapsedMs: now - r.startedAt,
      ...r.lastLine === void 0 ? {} : { lastLine: r.lastLine }
    }));
    this.deps.bus.emit({ type: "run.heartbeat", running });
  }
  complete() {
    this.stop.abort();
    this.resolve?.(this.ledger.summary(this.clock.now() - this.startedAt));
  }
}
async function runPlan(plan, deps) {
  return new Scheduler(plan, deps).run();
}
export {
  Scheduler,
  runPlan
};
//# sourceMappingURL=scheduler.js.map
