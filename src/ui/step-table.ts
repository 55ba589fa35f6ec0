// The per-step state that the live TTY view draws: folded from the event stream.
import type { StepState, TarmacEvent } from '../events/types.js';

export interface StepRow {
  id: string;
  kind: string;
  state: StepState;
  startedAt?: number;
  durationMs?: number;
  lastLine?: string;
  detail?: string;
}

/** Keeps one row per step, in plan order, updated by each event. */
export class StepTable {
  readonly rows = new Map<string, StepRow>();

  /** Applies one event to the rows. */
  apply(event: TarmacEvent): void {
    switch (event.type) {
      case 'run.started':
        for (const s of event.steps) this.rows.set(s.id, { id: s.id, kind: s.kind, state: 'pending' });
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
