import { formatDuration } from "../config/duration.js";
import { rejectAfter, sleep } from "../watch/timeout.js";
import {
  clockTime,
  crashCause,
  engineLostError,
  incidentCause,
  isEngineFailure,
  lostMessage
} from "./recovery-errors.js";
import { checkSuspectedCrash } from "./recovery-confirm.js";
class CrashRecovery {
  constructor(deps) {
    this.deps = deps;
    this.instance = deps.options.serviceInstance?.();
  }
  deps;
  outage;
  crashes = 0;
  lost;
  /** Suspected crashes being probed: nothing new starts until they are settled. */
  checking = 0;
  /** The API service's identity when the run started or the engine last came back. */
  instance;
  /** True while a suspected crash is probed or the engine is waited for: start nothing. */
  get paused() {
    return this.outage !== void 0 || this.checking > 0;
  }
  /** True once the engine is given up on: start nothing more. */
  get engineLost() {
    return this.lost !== void 0;
  }
  /**
   * Called for every failed step, while `running` (with their engine weight) still includes it. Undefined:
   * not an engine failure. A suspected crash is confirmed by a probe first; a healthy engine whose service did not
   * restart means the step failed on its own. Infrastructure steps are requeued; tests never are (retries hide flakes).
   */
  async onFailure(step, error, running) {
    if (!isEngineFailure(error)) return void 0;
    let opened;
    if (!this.lost && !this.outage) {
      const probed = await this.confirm(step.id);
      if (probed === "own") return { action: "fail", error };
      if (!this.lost && !this.outage) {
        this.crash(error, running);
        opened = probed;
      }
    }
    const verdict = this.verdict(step, error);
    if (opened !== void 0 && this.outage) void this.wait(this.outage, opened);
    return verdict;
  }
  verdict(step, error) {
    if (this.lost) return { action: "fail", error: engineLostError(step.id, this.lost) };
    if (step.retry !== "infra-only") return { action: "fail", error };
    this.outage.requeued.push(step.id);
    return { action: "requeue" };
  }
  /** Probes after a suspected crash; the probe's health when it is a crash, 'own' when the step failed on its own. */
  async confirm(stepId) {
    this.checking += 1;
    try {
      const check = await checkSuspectedCrash(
        this.deps.probe,
        stepId,
        this.instance,
        this.deps.options.serviceInstance
      );
      this.deps.bus.emit({ type: "decision", message: check.fact });
      if (!check.crashed) return "own";
      this.instance = check.instance;
      return check.health;
    } finally {
      this.checking -= 1;
    }
  }
  crash(error, running) {
    const { bus, clock, engine, options } = this.deps;
    this.crashes += 1;
    const cause = crashCause(error);
    const typed = incidentCause(error);
    const crashAt = clock.now();
    const evidence = [error.message, ...error.details.slice(-3)];
    if (this.crashes > (options.maxRecoveries ?? 3)) {
      this.lose({ crashAt, cause, crashes: this.crashes, evidence }, running.ids, typed);
      return;
    }
    this.outage = { crashAt, cause, typed, evidence, requeued: [] };
    const from = engine.capacity;
    const to = Math.min(from, Math.max(1, running.weight - 1));
    bus.emit({
      type: "incident",
      kind: "engine-crash",
      cause: typed,
      message: `the engine crashed at ${clockTime(crashAt)}: ${cause}`,
      evidence,
      stepIds: running.ids,
      action: `pausing new steps and waiting up to ${formatDuration(options.boundMs)} for the engine; interrupted builds will run again`
    });
    engine.setCapacity(to);
    bus.emit({
      type: "decision",
      message: to < from ? `engine capacity lowered from ${from} to ${to}: ${running.weight} units were running when it crashed` : `engine capacity stays ${from}: it is already the lowest that can run anything`
    });
  }
  /** Probes with exponential backoff until the engine answers, the bound passes or the run is cancelled. */
  async wait(outage, probed) {
    const { clock, signal, options, bus } = this.deps;
    const deadline = outage.crashAt + options.boundMs;
    const { firstMs, maxMs } = options.backoff ?? { firstMs: 1e3, maxMs: 1e4 };
    let pause = firstMs;
    let healed = options.heal === void 0;
    let lastProbe = "";
    let first = probed;
    while (!signal.aborted) {
      const health = first ?? await this.deps.probe();
      first = void 0;
      if (health.ok) {
        this.instance = this.deps.options.serviceInstance?.();
        bus.emit({
          type: "decision",
          message: `the engine is back after ${formatDuration(clock.now() - outage.crashAt)}; resuming with capacity ${this.deps.engine.capacity}${outage.requeued.length > 0 ? `, running again: ${outage.requeued.join(", ")}` : ""}`
        });
        break;
      }
      lastProbe = health.detail;
      const left = deadline - clock.now();
      if (!healed && left > 0) {
        healed = true;
        bus.emit({ type: "decision", message: `heal: ${await this.heal(left)}` });
        continue;
      }
      if (left <= 0) {
        this.lose(
          {
            crashAt: outage.crashAt,
            cause: outage.cause,
            waitedMs: options.boundMs,
            evidence: [...outage.evidence, `last engine probe: ${lastProbe}`]
          },
          outage.requeued,
          outage.typed
        );
        break;
      }
      await sleep(Math.min(pause, left), signal);
      pause = Math.min(pause * 2, maxMs);
    }
    this.outage = void 0;
    this.deps.onResume();
  }
  /** Runs the healer, stopped by the run's signal or the end of the wait; never rejects. */
  async heal(leftMs) {
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    this.deps.signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await Promise.race([
        this.deps.options.heal(stop.signal),
        rejectAfter(leftMs, stop.signal, () => new Error("stopped: the wait for the engine is over"))
      ]);
    } catch (err) {
      return `failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      stop.abort();
      this.deps.signal.removeEventListener("abort", onAbort);
    }
  }
  lose(facts, stepIds, cause) {
    this.lost = facts;
    this.deps.bus.emit({
      type: "incident",
      kind: "engine-lost",
      cause,
      message: lostMessage(facts),
      evidence: facts.evidence,
      stepIds,
      action: "failing the interrupted steps and starting nothing else"
    });
    this.deps.onLost(new Map(stepIds.map((id) => [id, engineLostError(id, facts)])));
  }
}
export {
  CrashRecovery
};
//# sourceMappingURL=recovery.js.map
