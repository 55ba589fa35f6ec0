// The scheduler's engine-crash path: confirm a suspected crash with a probe, then announce it, pause admission, wait
// for the engine with a bounded probe loop (optionally healing it), lower the capacity, and requeue the interrupted
// infrastructure steps.
import { formatDuration } from '../config/duration.js';
import type { TarmacError } from '../errors/errors.js';
import type { EngineHealth } from '../engines/types.js';
import type { Clock, EventBus } from '../events/bus.js';
import type { IncidentCause } from '../events/types.js';
import type { Step, StepId } from '../plan/types.js';
import type { EngineProber } from '../watch/probe.js';
import { rejectAfter, sleep } from '../watch/timeout.js';
import {
  clockTime,
  crashCause,
  engineLostError,
  incidentCause,
  isEngineFailure,
  lostMessage,
  type LostFacts,
} from './recovery-errors.js';
import { checkSuspectedCrash } from './recovery-confirm.js';
import type { Resource } from './resources.js';

/** Tries to bring a dead engine back (`--heal`); resolves with one line saying what it did or why it cannot. */
export type EngineHealer = (signal: AbortSignal) => Promise<string>;

/** How the scheduler recovers from an engine crash. */
export interface RecoveryOptions {
  /** How long to wait for the engine after a crash (`timeouts.engineRecovery`). */
  boundMs: number;
  /** Crashes recovered from per run; the next one stops the run (default 3). */
  maxRecoveries?: number;
  /** First and largest pause between probes (default 1 s and 10 s, so a line appears at least every 15 s). */
  backoff?: { firstMs: number; maxMs: number };
  heal?: EngineHealer;
  /** Reads the engine API service's identity (serviceInstanceReader); a change means it restarted. */
  serviceInstance?: () => string | undefined;
}

/** What to do with a step that failed. */
export type CrashVerdict = { action: 'requeue' } | { action: 'fail'; error: TarmacError };

export interface RecoveryDeps {
  bus: EventBus;
  clock: Clock;
  /** The run's root signal: aborting it ends the wait. */
  signal: AbortSignal;
  probe: EngineProber;
  engine: Resource;
  options: RecoveryOptions;
  /** The wait is over (engine back, or run cancelled): admit again. */
  onResume: () => void;
  /** The engine did not come back: fail these requeued steps with their errors. */
  onLost: (errors: Map<StepId, TarmacError>) => void;
}

interface Outage {
  crashAt: number;
  cause: string;
  typed: IncidentCause;
  evidence: string[];
  requeued: StepId[];
}

/** One run's crash bookkeeping; the scheduler asks it about every failed step. */
export class CrashRecovery {
  private outage: Outage | undefined;
  private crashes = 0;
  private lost: LostFacts | undefined;
  /** Suspected crashes being probed: nothing new starts until they are settled. */
  private checking = 0;
  /** The API service's identity when the run started or the engine last came back. */
  private instance: string | undefined;

  constructor(private readonly deps: RecoveryDeps) {
    this.instance = deps.options.serviceInstance?.();
  }

  /** True while a suspected crash is probed or the engine is waited for: start nothing. */
  get paused(): boolean {
    return this.outage !== undefined || this.checking > 0;
  }

  /** True once the engine is given up on: start nothing more. */
  get engineLost(): boolean {
    return this.lost !== undefined;
  }

  /**
   * Called for every failed step, while `running` (with their engine weight) still includes it. Undefined:
   * not an engine failure. A suspected crash is confirmed by a probe first; a healthy engine whose service did not
   * restart means the step failed on its own. Infrastructure steps are requeued; tests never are (retries hide flakes).
   */
  async onFailure(
    step: Step,
    error: TarmacError,
    running: { ids: StepId[]; weight: number },
  ): Promise<CrashVerdict | undefined> {
    if (!isEngineFailure(error)) return undefined;
    let opened: EngineHealth | undefined;
    if (!this.lost && !this.outage) {
      const probed = await this.confirm(step.id);
      if (probed === 'own') return { action: 'fail', error };
      // Another step's failure may have opened the outage while this one was probed.
      if (!this.lost && !this.outage) {
        this.crash(error, running);
        opened = probed;
      }
    }
    const verdict = this.verdict(step, error);
    // The wait starts after this step is counted among the requeued: the engine may already be back.
    if (opened !== undefined && this.outage) void this.wait(this.outage, opened);
    return verdict;
  }

  private verdict(step: Step, error: TarmacError): CrashVerdict {
    if (this.lost) return { action: 'fail', error: engineLostError(step.id, this.lost) };
    if (step.retry !== 'infra-only') return { action: 'fail', error };
    this.outage!.requeued.push(step.id);
    return { action: 'requeue' };
  }

  /** Probes after a suspected crash; the probe's health when it is a crash, 'own' when the step failed on its own. */
  private async confirm(stepId: StepId): Promise<EngineHealth | 'own'> {
    this.checking += 1;
    try {
      const check = await checkSuspectedCrash(
        this.deps.probe,
        stepId,
        this.instance,
        this.deps.options.serviceInstance,
      );
      this.deps.bus.emit({ type: 'decision', message: check.fact });
      if (!check.crashed) return 'own';
      this.instance = check.instance;
      return check.health;
    } finally {
      this.checking -= 1;
    }
  }

  private crash(error: TarmacError, running: { ids: StepId[]; weight: number }): void {
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
      type: 'incident',
      kind: 'engine-crash',
      cause: typed,
      message: `the engine crashed at ${clockTime(crashAt)}: ${cause}`,
      evidence,
      stepIds: running.ids,
      action: `pausing new steps and waiting up to ${formatDuration(options.boundMs)} for the engine; interrupted builds will run again`,
    });
    engine.setCapacity(to);
    bus.emit({
      type: 'decision',
      message:
        to < from
          ? `engine capacity lowered from ${from} to ${to}: ${running.weight} units were running when it crashed`
          : `engine capacity stays ${from}: it is already the lowest that can run anything`,
    });
  }

  /** Probes with exponential backoff until the engine answers, the bound passes or the run is cancelled. */
  private async wait(outage: Outage, probed: EngineHealth): Promise<void> {
    const { clock, signal, options, bus } = this.deps;
    const deadline = outage.crashAt + options.boundMs;
    const { firstMs, maxMs } = options.backoff ?? { firstMs: 1_000, maxMs: 10_000 };
    let pause = firstMs;
    let healed = options.heal === undefined;
    let lastProbe = '';
    // The probe that confirmed the crash is the first of the loop.
    let first: EngineHealth | undefined = probed;
    while (!signal.aborted) {
      const health = first ?? (await this.deps.probe());
      first = undefined;
      if (health.ok) {
        this.instance = this.deps.options.serviceInstance?.();
        bus.emit({
          type: 'decision',
          message: `the engine is back after ${formatDuration(clock.now() - outage.crashAt)}; resuming with capacity ${this.deps.engine.capacity}${outage.requeued.length > 0 ? `, running again: ${outage.requeued.join(', ')}` : ''}`,
        });
        break;
      }
      lastProbe = health.detail;
      const left = deadline - clock.now();
      if (!healed && left > 0) {
        healed = true;
        bus.emit({ type: 'decision', message: `heal: ${await this.heal(left)}` });
        continue;
      }
      if (left <= 0) {
        this.lose(
          {
            crashAt: outage.crashAt,
            cause: outage.cause,
            waitedMs: options.boundMs,
            evidence: [...outage.evidence, `last engine probe: ${lastProbe}`],
          },
          outage.requeued,
          outage.typed,
        );
        break;
      }
      await sleep(Math.min(pause, left), signal);
      pause = Math.min(pause * 2, maxMs);
    }
    this.outage = undefined;
    this.deps.onResume();
  }

  /** Runs the healer, stopped by the run's signal or the end of the wait; never rejects. */
  private async heal(leftMs: number): Promise<string> {
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    this.deps.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([
        this.deps.options.heal!(stop.signal),
        rejectAfter(leftMs, stop.signal, () => new Error('stopped: the wait for the engine is over')),
      ]);
    } catch (err) {
      return `failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      stop.abort();
      this.deps.signal.removeEventListener('abort', onAbort);
    }
  }

  private lose(facts: LostFacts, stepIds: StepId[], cause: IncidentCause): void {
    this.lost = facts;
    this.deps.bus.emit({
      type: 'incident',
      kind: 'engine-lost',
      cause,
      message: lostMessage(facts),
      evidence: facts.evidence,
      stepIds,
      action: 'failing the interrupted steps and starting nothing else',
    });
    this.deps.onLost(new Map(stepIds.map((id) => [id, engineLostError(id, facts)])));
  }
}
