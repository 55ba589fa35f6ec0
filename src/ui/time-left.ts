// The live view's "time left": the rest of the run simulated the way `tarmac plan` predicts a whole run
// (plan/simulate.ts on the steps' estimates and the engine capacity), with ended steps taking nothing and running
// steps only what their estimate has left.
import { simulateSchedule } from '../plan/simulate.js';
import type { StepTable } from './step-table.js';

export type TimeLeft =
  | { known: true; ms: number; learnedSteps: number; steps: number }
  /** No step still to run has a learned duration: the defaults would be a guess. */
  | { known: false };

/** The expected time left at `now`; undefined when nothing is left to run. */
export function timeLeft(table: StepTable, now: number): TimeLeft | undefined {
  const rows = [...table.rows.values()];
  const left = rows.filter((r) => r.state === 'pending' || r.state === 'running');
  if (left.length === 0) return undefined;
  const learned = left.filter((r) => r.learned).length;
  if (learned === 0) return { known: false };
  const sim = simulateSchedule(
    rows.map((r) => ({
      id: r.id,
      // Dependencies that ended badly end the dependants too; for the estimate they only order the steps.
      deps: [...r.deps, ...r.after],
      claims: { engine: r.claim },
      priority: r.priority,
      cached: r.state !== 'pending' && r.state !== 'running',
      estimateMs:
        r.state === 'running' && r.startedAt !== undefined
          ? Math.max(0, r.estimateMs - (now - r.startedAt))
          : r.estimateMs,
    })),
    Math.max(1, table.engine.capacity),
  );
  return { known: true, ms: sim.makespanMs, learnedSteps: learned, steps: left.length };
}
