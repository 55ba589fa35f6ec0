// The run loop: starts ready steps whose engine claims fit, longest remaining path first, and turns every
// state change into an event. The decision loop is synchronous on purpose (as in garden's solver): all
// bookkeeping happens between awaits, so no two decisions can interleave.
import { formatDuration } from '../config/duration.js';
import { CancelledError, InternalError, toTarmacError } from '../errors/errors.js';
import { systemClock } from '../events/bus.js';
import type { Clock } from '../events/bus.js';
import type { StepState } from '../events/types.js';
import { stepsToStart } from '../plan/admission.js';
import { topoOrder } from '../plan/graph.js';
import type { Plan, Step, StepId } from '../plan/types.js';
import { startHeartbeat } from '../watch/heartbeat.js';
import { engineProber } from '../watch/probe.js';
import type { EngineProber } from '../watch/probe.js';
import { CrashRecovery } from './recovery.js';
import { Resource } from './resources.js';
import type { RunSummary, SchedulerDeps } from './scheduler-types.js';
import { StepLedger } from './step-ledger.js';
import { runStep } from './step-runner.js';
import type { StepOutcome } from './step-runner.js';

export type { ExecutorContext, ExecutorResult, StepExecutor } from '../plan/step-executor.js';
export type { RunSummary, SchedulerDeps } from './scheduler-types.js';

const DEFAULT_ABORT_GRACE_MS = 30_000;
const DEFAULT_ENGINE_RECOVERY_MS = 120_000;
const DONE_OK: ReadonlySet<StepState> = new Set(['succeeded', 'cached']);
const DONE_BAD: ReadonlySet<StepState> = new Set(['failed', 'skipped', 'cancelled']);

interface Running {
  step: Step;
  startedAt: number;
  attempt: number;
  lastLine?: string;
}

/** Runs a plan once; `engine` is exposed so capacity can be changed while it runs. */
export class Scheduler {
  readonly engine: Resource;
  private readonly clock: Clock;
  private readonly steps: Step[];
  private readonly rank = new Map<StepId, number>();
  private readonly ledger: StepLedger;
  private readonly running = new Map<StepId, Running>();
  /** Attempt number of the next start, for steps requeued after an engine crash. */
  private readonly attempts = new Map<StepId, number>();
  private readonly prober: EngineProber | undefined;
  private readonly recovery: CrashRecovery | undefined;
  private readonly stop = new AbortController();
  private startedAt = 0;
  private pumping = false;
  private pumpAgain = false;
  private resolve: ((summary: RunSummary) => void) | undefined;

  /** Validates the plan's graph (throws PlanCycleError) and prepares the engine resource. */
  constructor(
    plan: Plan,
    private readonly deps: SchedulerDeps,
  ) {
    this.clock = deps.clock ?? systemClock;
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    // Walk steps in dependency order so one pass can settle a whole chain of cached or skipped steps.
    this.steps = topoOrder(plan.steps).map((id) => byId.get(id)!);
    plan.steps.forEach((s, i) => this.rank.set(s.id, i));
    this.ledger = new StepLedger(this.steps, deps.bus);
    this.engine = new Resource('engine', deps.capacity);
    this.prober = deps.probe ? engineProber(deps.probe, deps.bus, this.clock) : undefined;
    this.recovery =
      this.prober &&
      new CrashRecovery({
        bus: deps.bus,
        clock: this.clock,
        signal: deps.signal,
        probe: this.prober,
        engine: this.engine,
        options: deps.recovery ?? { boundMs: DEFAULT_ENGINE_RECOVERY_MS },
        onResume: () => this.pump(),
        onLost: (errors) => {
          for (const [id, error] of errors)
            if (this.ledger.state(id) === 'pending') this.ledger.finish(byId.get(id)!, { state: 'failed', error }, 0);
        },
      });
  }

  /** Runs every step to a terminal state; resolves (never rejects) once no executor is left running. */
  run(): Promise<RunSummary> {
    if (this.resolve) throw new InternalError('Scheduler.run() may only be called once');
    return new Promise<RunSummary>((resolve) => {
      this.resolve = resolve;
      this.startedAt = this.clock.now();
      const { bus, signal } = this.deps;
      const unsubscribe = this.engine.onChange((r) => {
        bus.emit({ type: 'resource', ...r });
        // A capacity change may let waiting steps in.
        this.pump();
      });
      bus.emit({ type: 'resource', ...this.engine.snapshot() });
      const onAbort = (): void => this.pump();
      signal.addEventListener('abort', onAbort, { once: true });
      this.stop.signal.addEventListener(
        'abort',
        () => {
          signal.removeEventListener('abort', onAbort);
          unsubscribe();
        },
        { once: true },
      );
      startHeartbeat(this.deps.heartbeatMs, this.stop.signal, () => this.heartbeat());
      this.pump();
    });
  }

  /** One round of decisions; re-entrant calls are folded into the running round. */
  private pump(): void {
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

  private decide(): void {
    if (this.stop.signal.aborted) return;
    const ready = this.settle();
    // While waiting for a crashed engine nothing starts, and the run is not over even if nothing runs.
    if (this.recovery?.paused) return;
    const now = this.clock.now();
    const holders = [...this.running.values()].map((r) => ({
      claim: r.step.claims.engine,
      expectedEndAt: r.startedAt + r.step.estimateMs,
    }));
    for (const step of stepsToStart(ready, holders, this.engine.capacity, now, this.rank)) this.start(step);
    if (this.running.size > 0) return;
    // Nothing runs and nothing could start: every step must be terminal now; anything else is a scheduler bug.
    for (const step of this.steps) {
      if (this.ledger.state(step.id) === 'pending') {
        const error = new InternalError(`scheduler stalled with ${step.id} pending`);
        this.ledger.finish(step, { state: 'failed', error }, 0);
      }
    }
    this.complete();
  }

  /** Ends the pending steps that can no longer run (or need not: cached) and returns those ready to start. */
  private settle(): Step[] {
    const cancelled = this.deps.signal.aborted;
    const state = (id: StepId): StepState => this.ledger.state(id);
    const ready: Step[] = [];
    for (const step of this.steps) {
      if (state(step.id) !== 'pending') continue;
      const blocker = step.deps.find((d) => DONE_BAD.has(state(d)));
      if (blocker !== undefined) this.ledger.settleBlocked(step, blocker);
      else if (cancelled)
        this.ledger.finish(step, { state: 'cancelled', detail: 'run cancelled before the step started' }, 0);
      else if (this.recovery?.engineLost) this.ledger.skip(step, 'not started: the engine was lost');
      else if (this.deps.failFast && this.firstFailure() !== undefined)
        this.ledger.skip(step, `not started: --fail-fast after ${this.firstFailure()} failed`);
      else if (!step.deps.every((d) => DONE_OK.has(state(d)))) continue;
      else if (step.after?.some((d) => !DONE_OK.has(state(d)) && !DONE_BAD.has(state(d)))) continue;
      else if (step.cached) {
        const detail = step.cachedDetail === undefined ? {} : { detail: step.cachedDetail };
        this.ledger.finish(step, { state: 'cached', ...detail }, 0);
      } else ready.push(step);
    }
    return ready;
  }

  private start(step: Step): void {
    const entry: Running = { step, startedAt: this.clock.now(), attempt: this.attempts.get(step.id) ?? 1 };
    this.ledger.mark(step.id, 'running');
    this.running.set(step.id, entry);
    const output = (line: string): void => {
      entry.lastLine = line;
      this.deps.bus.emit({ type: 'step.output', stepId: step.id, line });
    };
    // Host-wide engine lease (src/lease): the step counts as started only once this host's engine has room for it.
    const gate = this.deps.hostGate?.(step, { signal: this.deps.signal, output });
    if (gate)
      gate.then(
        (release) => this.launch(entry, output, release),
        (err: unknown) => this.gateFailed(entry, err),
      );
    else this.launch(entry, output, () => undefined);
  }

  private launch(entry: Running, output: (line: string) => void, releaseHost: () => void): void {
    const { step } = entry;
    // An engine crash while the step waited for the host lease: give the units back; it waits (or is skipped) with the rest.
    if (this.recovery?.paused || this.recovery?.engineLost) return this.backToPending(step, releaseHost);
    entry.startedAt = this.clock.now();
    // Started before the claim (and finished before the release), so each `resource` event matches the running set.
    this.deps.bus.emit({ type: 'step.started', stepId: step.id, claims: step.claims, attempt: entry.attempt });
    this.engine.take(step.claims.engine);
    const graceMs = this.deps.abortGraceMs ?? DEFAULT_ABORT_GRACE_MS;
    const prober = this.prober;
    const watch = prober && {
      probe: () => prober(step.id),
      onStillWaiting: (silentMs: number) =>
        this.deps.bus.emit({
          type: 'decision',
          message: `${step.id}: still waiting, engine healthy (no output for ${formatDuration(silentMs)})`,
        }),
    };
    void runStep({
      step,
      execute: this.deps.execute,
      attempt: entry.attempt,
      root: this.deps.signal,
      output,
      graceMs,
      now: () => this.clock.now(),
      ...watch,
    })
      .catch((err: unknown): StepOutcome => ({
        state: 'failed',
        error: new InternalError(`running ${step.id} failed unexpectedly`, err),
      }))
      .then(async (outcome) => {
        const durationMs = this.clock.now() - entry.startedAt;
        // Why await: a suspected engine crash is confirmed by a probe; the step keeps its claim until it is settled.
        const verdict =
          outcome.state === 'failed'
            ? await this.recovery?.onFailure(step, outcome.error, {
                ids: [...this.running.keys()],
                weight: this.engine.inUse,
              })
            : undefined;
        this.running.delete(step.id);
        if (verdict?.action === 'requeue') this.requeue(step, entry.attempt + 1, durationMs);
        else
          this.ledger.finish(
            step,
            verdict?.action === 'fail' ? { state: 'failed', error: verdict.error } : outcome,
            durationMs,
          );
        // After step.finished: the journals of all runs on this host never show more than the host lease granted.
        releaseHost();
        this.engine.release(step.claims.engine);
        this.pump();
      });
  }

  /** A step that never got through the host gate: cancelled with the run, or failed with the lease's error. */
  private gateFailed(entry: Running, err: unknown): void {
    this.running.delete(entry.step.id);
    const error = toTarmacError(err);
    this.ledger.finish(
      entry.step,
      error instanceof CancelledError ? { state: 'cancelled', detail: error.message } : { state: 'failed', error },
      0,
    );
    this.pump();
  }

  private backToPending(step: Step, releaseHost: () => void): void {
    releaseHost();
    this.running.delete(step.id);
    this.ledger.mark(step.id, 'pending');
    this.pump();
  }

  /** An attempt the engine crash took down: it ends (so its claim is released in order) and waits to run again. */
  private requeue(step: Step, attempt: number, durationMs: number): void {
    this.attempts.set(step.id, attempt);
    this.ledger.requeue(step, attempt, durationMs);
  }

  /** The first step that failed, if any (for --fail-fast). */
  private firstFailure(): StepId | undefined {
    return this.steps.find((s) => this.ledger.state(s.id) === 'failed')?.id;
  }

  private heartbeat(): void {
    const now = this.clock.now();
    const running = [...this.running.values()].map((r) => ({
      stepId: r.step.id,
      elapsedMs: now - r.startedAt,
      ...(r.lastLine === undefined ? {} : { lastLine: r.lastLine }),
    }));
    this.deps.bus.emit({ type: 'run.heartbeat', running });
  }

  private complete(): void {
    this.stop.abort();
    this.resolve?.(this.ledger.summary(this.clock.now() - this.startedAt));
  }
}

/** Runs every step of the plan under the engine capacity; rejects only for an invalid plan or capacity. */
export async function runPlan(plan: Plan, deps: SchedulerDeps): Promise<RunSummary> {
  return new Scheduler(plan, deps).run();
}
