// Per-phase figures of a run, folded from its events: wall time per step kind, and how much was skipped as cached.
import type { TarmacEvent } from '../events/types.js';

export interface PhaseFigures {
  kind: string;
  steps: number;
  /** Finished as cached (build skipped, image already delivered, cluster reused). */
  cached: number;
  failed: number;
  /** From the first start to the last finish of this kind's steps (0 when none ran). */
  wallMs: number;
}

const ORDER = ['build', 'cluster', 'deliver', 'deploy', 'hook', 'test'];

/** Figures per step kind, in pipeline order. */
export function phaseFigures(events: readonly TarmacEvent[]): PhaseFigures[] {
  const kindOf = new Map<string, string>();
  const phases = new Map<string, PhaseFigures & { first?: number; last?: number }>();
  for (const e of events) {
    if (e.type === 'run.started') {
      for (const s of e.steps) {
        kindOf.set(s.id, s.kind);
        const p = phases.get(s.kind) ?? { kind: s.kind, steps: 0, cached: 0, failed: 0, wallMs: 0 };
        p.steps += 1;
        phases.set(s.kind, p);
      }
    } else if (e.type === 'step.started' || e.type === 'step.finished') {
      const p = phases.get(kindOf.get(e.stepId) ?? '');
      if (!p) continue;
      if (e.type === 'step.started') p.first = Math.min(p.first ?? e.at, e.at);
      else {
        if (e.state === 'cached') p.cached += 1;
        if (e.state === 'failed') p.failed += 1;
        if (e.durationMs > 0) p.last = Math.max(p.last ?? e.at, e.at);
      }
    }
  }
  return [...phases.values()]
    .map(({ first, last, ...p }) => ({ ...p, wallMs: first !== undefined && last !== undefined ? last - first : 0 }))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
