// The scheduler's contract with the command that runs it and with the step executors.
import type { EngineHealth } from '../engines/types.js';
import type { TarmacError } from '../errors/errors.js';
import type { Clock, EventBus } from '../events/bus.js';
import type { StepState } from '../events/types.js';
import type { StepExecutor } from '../plan/step-executor.js';
import type { Step, StepId } from '../plan/types.js';
import type { RecoveryOptions } from './recovery.js';

/** What a step may do while it waits at the host gate. */
export interface HostGateContext {
  /** The run's root signal: aborting it ends the wait (the promise rejects with a CancelledError). */
  signal: AbortSignal;
  /** Reports why the step waits (a `step.output` line, shown by heartbeats). */
  output: (line: string) => void;
}

/**
 * Waits until this host's engine has room for the step (the host-wide lease of src/lease), then resolves with the
 * function that gives the units back; undefined when the step needs nothing from the host.
 */
export type HostGate = (step: Step, ctx: HostGateContext) => Promise<() => void> | undefined;

/** Everything the scheduler needs, passed in. */
export interface SchedulerDeps {
  bus: EventBus;
  /** Engine units that may be in use at once (adjustable later through `Scheduler.engine.setCapacity`). */
  capacity: number;
  /** The run's root signal (SIGINT): aborting it cancels the run. */
  signal: AbortSignal;
  execute: StepExecutor;
  /** Interval of `run.heartbeat` events, in ms. */
  heartbeatMs: number;
  /** Clock for start times and durations; defaults to the system clock. */
  clock?: Clock;
  /** How long an aborted executor may take to settle before its step is given up on (default 30 s). */
  abortGraceMs?: number;
  /** Host-wide engine lease (src/lease/host-gate.ts): a step counts as started only once it is through this gate. */
  hostGate?: HostGate;
  /**
   * Engine health probe (commands pass `() => engine.health(5000)`); it runs under a hard 5 s timeout. With it,
   * silent steps are probed (stall detection), timeouts say what the engine said, and engine crashes are recovered.
   */
  probe?: () => Promise<EngineHealth>;
  /** `--fail-fast`: once a step has failed, start nothing more (running steps finish; the rest are skipped). */
  failFast?: boolean;
  /** Crash recovery settings (default: wait up to 2m, 3 recoveries per run); used only with `probe`. */
  recovery?: RecoveryOptions;
}

/** How a run went, per step and overall. */
export interface RunSummary {
  /** `cancelled` if any step was cancelled, else `failed` if any step failed or was skipped, else `succeeded`. */
  outcome: 'succeeded' | 'failed' | 'cancelled';
  /** Terminal state of every step of the plan. */
  states: Map<StepId, StepState>;
  /** The error of every failed step. */
  errors: Map<StepId, TarmacError>;
  durationMs: number;
}
