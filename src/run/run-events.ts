// The `run.started` event, built from a plan the same way by every command.
import type { EventBus } from '../events/bus.js';
import type { Plan } from '../plan/types.js';

/** Announces a run and its steps. */
export function emitRunStarted(bus: EventBus, command: string, capacity: number, plan: Plan): void {
  bus.emit({
    type: 'run.started',
    command,
    capacity,
    steps: plan.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      subject: s.subject,
      deps: s.deps,
      claims: s.claims,
      cached: s.cached,
      estimateMs: s.estimateMs,
      priority: s.priority,
    })),
  });
}
