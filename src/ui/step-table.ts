// The per-step state that the live TTY view draws: folded from the event stream.
import type { StepState, TarmacEvent } from '../events/types.js';

export interface StepRow {
  id: string;
  kind: string;
  state: StepState;
  /** From the plan (run.started): what the step waits for, what it claims, how long it is expected to take. */
  deps: readonly string[];
  after: readonly string[];
  claim: number;
  priority: number;
  estimateMs: number;
  /** estimateMs is the step's recorded duration from history. */
  learned: boolean;
  startedAt?: number;
  durationMs?: number;
  lastLine?: string;
  detail?: string;
}

/** The engine resource as the scheduler last reported it. */
export interface EngineUse {
  capacity: number;
  inUse: number;
}

/** Keeps one row per step, in plan order, updated by each event. */
export class StepTable {
  readonly rows = new Map<string, StepRow>();
  engine: EngineUse = { capacity: 0, inUse: 0 };

  /** Applies one event to the rows. */
  apply(event: TarmacEvent): void {
    switch (event.type) {
      case 'run.started':
        this.engine = { capacity: event.capacity, inUse: 0 };
        for (const s of event.steps)
          this.rows.set(s.id, {
            id: s.id,
            kind: s.kind,
            state: 'pending',
            deps: s.deps,
            after: s.after ?? [],
            claim: s.claims.engine,
            priority: s.priority ?? 0,
            estimateMs: s.estimateMs ?? 0,
            learned: s.estimateLearned === true,
          });
        return;
      case 'resource':
        this.engine = { capacity: event.capacity, inUse: event.inUse };
        return;
      case 'step.started': {
        const row = this.rows.get(event.stepId);
        if (row) Object.assign(row, { state: 'running', startedAt: event.at });
        return;
      }
      case 'step.output': {
        const row = this.rows.get(event.stepId);
        if (row && event.line.trim()) row.lastLine = event.line;
        return;
      }
      case 'step.finished': {
        const row = this.rows.get(event.stepId);
        if (row)
          Object.assign(row, {
            state: event.state,
            durationMs: event.durationMs,
            detail: event.error?.message ?? event.detail,
          });
        return;
      }
      default:
        return;
    }
  }
}
