// Every state change of a run is one of these events; views, journal and history consume them. The journal stores
// them as a versioned protocol (src/journal/README.md): bump JOURNAL_PROTOCOL_VERSION on an incompatible change.
import type { StepId, StepKind, Claims } from '../plan/types.js';
import type { ErrorCode } from '../errors/codes.js';
import type { EngineProbeFact, ErrorFact } from '../errors/errors.js';

/** The journal protocol's version, written as `v` on every journal line. */
export const JOURNAL_PROTOCOL_VERSION = 1;

/** The states a step moves through; one closed set that every consumer switches on. */
export type StepState =
  /** Waiting for dependencies or resources. */
  | 'pending'
  /** Work in progress. */
  | 'running'
  /** Finished: the work was done and verified. */
  | 'succeeded'
  /** Finished without work: the result already existed (e.g. image tag present). */
  | 'cached'
  /** Finished with an error. */
  | 'failed'
  /** Never started because a dependency failed or was skipped. */
  | 'skipped'
  /** Stopped or never started because the run was cancelled. */
  | 'cancelled';

/** The kinds of infrastructure incidents tarmac records. */
export type IncidentKind = 'engine-crash' | 'engine-lost' | 'reconciled';

/**
 * Why an incident happened, as typed facts (the incident's `message` is for people; triage reads this):
 * - `engine-error`: a step failed with the engine client's own words for a dead engine (`engineLine`);
 * - `engine-probe`: a silent step's engine probe failed (`probe.timedOut`: it got no answer at all);
 * - `abandoned`: run `runId`'s tarmac (pid, command) died without finishing it.
 */
export type IncidentCause =
  | { type: 'engine-error'; code: ErrorCode; engineLine?: string }
  | { type: 'engine-probe'; probe: EngineProbeFact }
  | { type: 'abandoned'; runId: string; pid: number; command: string };

/** Deploy target a run used: `none` for commands without one (`build`). */
export type TargetType = 'podman' | 'kind' | 'none';

/** The engine a run used: its type and the connection flags that reach it (`''`: the engine's default service). */
export interface RunEngine {
  type: 'podman' | 'docker';
  endpoint: string;
}

/** Terminal states: a step in one of these never changes again. */
export const TERMINAL_STATES: ReadonlySet<StepState> = new Set([
  'succeeded',
  'cached',
  'failed',
  'skipped',
  'cancelled',
]);

/** Error payload carried by events (serialisable). */
export interface EventError {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Last output lines of the failing command, if any. */
  tail?: string[];
  /** The engine probe the watchdog took when it failed the step (timeouts and stalls). */
  probe?: EngineProbeFact;
  /** What failed, as a typed fact (src/errors/error-facts.ts): triage reads it, never the message. */
  fact?: ErrorFact;
}

/** A step as `run.started` announces it. */
export interface RunStep {
  id: StepId;
  kind: StepKind;
  subject: string;
  deps: StepId[];
  claims: Claims;
  cached: boolean;
  /** The plan's estimate (learned from history, else the kind's default) and the priority it gave; absent in journals of older tarmacs. */
  estimateMs?: number;
  priority?: number;
  /** estimateMs is the step's recorded duration from history (absent: the kind's default). */
  estimateLearned?: true;
  /** Order-only dependencies: the step starts once these have ended, however they ended. */
  after?: StepId[];
  /** The suite the step belongs to, in a multi-suite run (builds belong to none). */
  suite?: string;
}

interface Base {
  /** Milliseconds since the epoch. */
  at: number;
  runId: string;
}

export type TarmacEvent =
  | (Base & {
      type: 'run.started';
      command: string;
      capacity: number;
      steps: RunStep[];
      target: TargetType;
      engine: RunEngine;
    })
  | (Base & { type: 'step.started'; stepId: StepId; claims: Claims; attempt: number })
  | (Base & { type: 'step.output'; stepId: StepId; line: string })
  | (Base & { type: 'step.heartbeat'; stepId: StepId; elapsedMs: number; lastLine?: string })
  | (Base & {
      type: 'step.finished';
      stepId: StepId;
      state: Exclude<StepState, 'pending' | 'running'>;
      durationMs: number;
      detail?: string;
      error?: EventError;
    })
  | (Base & { type: 'resource'; name: 'engine'; capacity: number; inUse: number })
  /** The most memory a suite's containers were seen using in this run (`samples` measurements), for its learned footprint. */
  | (Base & { type: 'suite.memory'; suite: string; peakBytes: number; samples: number })
  | (Base & { type: 'decision'; message: string })
  /** A health probe of the engine (stall detection, crash recovery, timeouts). */
  | (Base & { type: 'probe'; target: 'engine'; ok: boolean; detail: string; durationMs: number; stepId?: StepId })
  /** Something went wrong with the infrastructure and tarmac acted on it (or could not). */
  | (Base & {
      type: 'incident';
      kind: IncidentKind;
      cause: IncidentCause;
      message: string;
      evidence: string[];
      stepIds: StepId[];
      action: string;
    })
  /** The test step's parsed results (JUnit cases); `inputs` fingerprints what was tested (image refs + test command) for flake detection. */
  | (Base & {
      type: 'tests.reported';
      stepId: StepId;
      inputs: string;
      exitCode: number;
      totals: { tests: number; passed: number; failed: number; skipped: number; errors: number };
      cases: { id: string; status: 'passed' | 'failed' | 'error' | 'skipped'; timeMs: number; message?: string }[];
    })
  | (Base & { type: 'run.heartbeat'; running: { stepId: StepId; elapsedMs: number; lastLine?: string }[] })
  /** `abandoned`: the run's tarmac died without finishing; a later tarmac appended this event for it (src/reconcile). */
  | (Base & {
      type: 'run.finished';
      outcome: 'succeeded' | 'failed' | 'cancelled';
      durationMs: number;
      abandoned?: boolean;
    });

export type EventType = TarmacEvent['type'];

/** Distributes a type over the union so each variant keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the bus stamps it with `at` and `runId`. */
export type EventInput = DistributiveOmit<TarmacEvent, 'at' | 'runId'>;
