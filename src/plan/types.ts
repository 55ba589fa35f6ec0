// The plan's vocabulary: steps, their dependencies, resource claims and priorities.

/** Stable step id, `<kind>:<subject>`, e.g. `build:datastorage`, `cluster:create`. */
export type StepId = string;

/** What a step does; executors are picked by kind. */
export type StepKind = 'build' | 'cluster' | 'deliver' | 'deploy' | 'hook' | 'test';

/** Units of shared resources a step holds while it runs. */
export interface Claims {
  /** Container-engine units (a build claims its image's weight). */
  engine: number;
}

/** One unit of work in a plan. */
export interface Step {
  id: StepId;
  kind: StepKind;
  /** The image, cluster or deploy group the step is about. */
  subject: string;
  deps: StepId[];
  /** Order-only dependencies: the step waits until these have ended, however they ended (a suite waiting for memory). */
  after?: StepId[];
  /** The suite the step belongs to, in a multi-suite plan (builds are shared and belong to none). */
  suite?: string;
  claims: Claims;
  /** Expected duration in ms (from history, else a default). */
  estimateMs: number;
  /** Set when estimateMs is this step's recorded duration from history (absent: the kind's default, or cached). */
  estimateLearned?: true;
  /** Length in ms of the longest path from this step's start to the end of the plan; higher runs first. */
  priority: number;
  timeoutMs: number;
  stallMs: number;
  retry: 'infra-only' | 'never';
  /** Known before running: the work is already done (e.g. the image tag exists). */
  cached: boolean;
  /** Shown with a cached step, e.g. `in registry: <ref>`. */
  cachedDetail?: string;
}

/** A validated, ordered set of steps. */
export interface Plan {
  steps: Step[];
  /** Step ids on the critical path, first to last. */
  criticalPath: StepId[];
  /** Sum of estimates along the critical path, in ms. */
  criticalPathMs: number;
}
