// The `run.started` event, built from a plan the same way by every command.
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { RunEngine, TargetType } from '../events/types.js';
import type { Plan } from '../plan/types.js';

/** What `run.started` says about the run besides its plan: the command, capacity, target and engine. */
export interface RunStart {
  command: string;
  capacity: number;
  target: TargetType;
  engine: RunEngine;
}

/** The engine as run.started records it: its type and the connection flags that reach it. */
export function runEngine(engine: Pick<ContainerEngine, 'name' | 'endpoint'>): RunEngine {
  return { type: engine.name, endpoint: engine.endpoint };
}

/** Announces a run and its steps. */
export function emitRunStarted(bus: EventBus, start: RunStart, plan: Plan): void {
  bus.emit({
    type: 'run.started',
    command: start.command,
    capacity: start.capacity,
    target: start.target,
    engine: start.engine,
    steps: plan.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      subject: s.subject,
      deps: s.deps,
      claims: s.claims,
      cached: s.cached,
      estimateMs: s.estimateMs,
      priority: s.priority,
      ...(s.estimateLearned ? { estimateLearned: true as const } : {}),
      ...(s.after?.length ? { after: s.after } : {}),
      ...(s.suite !== undefined ? { suite: s.suite } : {}),
    })),
  });
}
