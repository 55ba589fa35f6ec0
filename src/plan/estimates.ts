// Duration estimates for steps: from history when known, else a default per kind.
import type { Claims, StepId, StepKind } from './types.js';

/** Default duration of one step per kind when history has none, in ms (builds: per engine unit of weight). */
export const DEFAULT_ESTIMATE_MS: Readonly<Record<StepKind, number>> = {
  build: 60_000,
  cluster: 60_000,
  deliver: 10_000,
  deploy: 30_000,
  hook: 10_000,
  test: 120_000,
};

/** The part of a step an estimate depends on. */
export interface EstimateInput {
  id: StepId;
  kind: StepKind;
  claims: Claims;
  cached: boolean;
}

/** Whether a step's estimate is its recorded duration (history), not the kind's default; cached steps have none. */
export function hasLearnedEstimate(step: EstimateInput, durations?: ReadonlyMap<StepId, number>): boolean {
  const known = durations?.get(step.id);
  return !step.cached && known !== undefined && Number.isFinite(known) && known >= 0;
}

/** Expected duration of a step: 0 when cached, else the recorded duration, else the kind's default. */
export function estimateMs(step: EstimateInput, durations?: ReadonlyMap<StepId, number>): number {
  if (step.cached) return 0;
  if (hasLearnedEstimate(step, durations)) return durations!.get(step.id)!;
  const base = DEFAULT_ESTIMATE_MS[step.kind];
  // A heavier build does more work: scale its default with the engine units it claims.
  return step.kind === 'build' ? base * Math.max(1, step.claims.engine) : base;
}
