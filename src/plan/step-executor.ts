// The contract between a plan's steps and whatever executes them: run/ drives executors, and adapters
// (src/registry, src/orchestrate/executors) implement them. Types only, so adapters can implement it without importing run/.
import type { Step } from './types.js';

/** What an executor gets besides its step. */
export interface ExecutorContext {
  /** Aborted on timeout or cancellation; pass it to every process and wait. */
  signal: AbortSignal;
  /** Reports one line of progress: becomes a `step.output` event and the step's last line in heartbeats. */
  output: (line: string) => void;
  /** 1 on the first run of the step, 2 on its first retry, ... */
  attempt: number;
}

/** A finished step's result; failures are thrown (a TarmacError; anything else counts as a bug). */
export interface ExecutorResult {
  state: 'succeeded' | 'cached';
  /** One line shown with the finished step, e.g. the image reference built. */
  detail?: string;
}

/** Does the work of one step. */
export type StepExecutor = (step: Step, ctx: ExecutorContext) => Promise<ExecutorResult>;
