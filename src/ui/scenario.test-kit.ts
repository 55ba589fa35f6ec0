// A scripted build run (base cached, heavy build first, one failure skipping a dependant) replayed through a view.
import { EventBus } from '../events/bus.js';
import type { TarmacEvent } from '../events/types.js';

/** Emits a fixed scenario on a bus with a fake clock; returns the bus. */
export function replayScenario(listener: (e: TarmacEvent) => void): EventBus {
  let now = 1_700_000_000_000;
  const bus = new EventBus('20261128-120000-abcd', { now: () => now });
  bus.subscribe(listener);
  const at = (ms: number) => {
    now = 1_700_000_000_000 + ms;
  };
  bus.emit({
    type: 'run.started',
    command: 'build',
    capacity: 2,
    target: 'none',
    engine: { type: 'podman', endpoint: '' },
    steps: [
      { id: 'build:base', kind: 'build', subject: 'base', deps: [], claims: { engine: 1 }, cached: true },
      {
        id: 'build:holmesgpt-api',
        kind: 'build',
        subject: 'holmesgpt-api',
        deps: ['build:base'],
        claims: { engine: 2 },
        cached: false,
      },
      {
        id: 'build:broken',
        kind: 'build',
        subject: 'broken',
        deps: ['build:base'],
        claims: { engine: 1 },
        cached: false,
      },
      {
        id: 'build:after-broken',
        kind: 'build',
        subject: 'after-broken',
        deps: ['build:broken'],
        claims: { engine: 1 },
        cached: false,
      },
    ],
  });
  bus.emit({
    type: 'step.finished',
    stepId: 'build:base',
    state: 'cached',
    durationMs: 0,
    detail: 'localhost/base:tm-0123456789ab',
  });
  at(10);
  bus.emit({ type: 'step.started', stepId: 'build:holmesgpt-api', claims: { engine: 2 }, attempt: 1 });
  at(900);
  bus.emit({
    type: 'step.output',
    stepId: 'build:holmesgpt-api',
    line: 'STEP 3/4: RUN /bin/busybox sh -c "heavy work"',
  });
  at(15_010);
  bus.emit({
    type: 'run.heartbeat',
    running: [
      { stepId: 'build:holmesgpt-api', elapsedMs: 15_000, lastLine: 'STEP 3/4: RUN /bin/busybox sh -c "heavy work"' },
    ],
  });
  at(20_010);
  bus.emit({
    type: 'step.finished',
    stepId: 'build:holmesgpt-api',
    state: 'succeeded',
    durationMs: 20_000,
    detail: 'localhost/holmesgpt-api:tm-ba9876543210',
  });
  bus.emit({ type: 'step.started', stepId: 'build:broken', claims: { engine: 1 }, attempt: 1 });
  at(21_310);
  bus.emit({
    type: 'step.finished',
    stepId: 'build:broken',
    state: 'failed',
    durationMs: 1300,
    error: { code: 'BUILD_FAILED', message: 'image broken failed to build at STEP 2/2: RUN /bin/nope (exited 1)' },
  });
  bus.emit({
    type: 'step.finished',
    stepId: 'build:after-broken',
    state: 'skipped',
    durationMs: 0,
    detail: 'dependency build:broken failed',
  });
  bus.emit({ type: 'run.finished', outcome: 'failed', durationMs: 21_310 });
  return bus;
}
