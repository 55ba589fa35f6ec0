import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus.js';
import { phaseFigures } from './phase-summary.js';

describe('phaseFigures', () => {
  it('folds wall time, cached and failed counts per kind in pipeline order', () => {
    let now = 0;
    const bus = new EventBus('r', { now: () => now });
    bus.emit({
      type: 'run.started',
      command: 'up',
      capacity: 2,
      target: 'kind',
      engine: { type: 'podman', endpoint: '' },
      steps: [
        { id: 'test', kind: 'test', subject: 'suite', deps: [], claims: { engine: 0 }, cached: false },
        { id: 'build:a', kind: 'build', subject: 'a', deps: [], claims: { engine: 1 }, cached: true },
        { id: 'build:b', kind: 'build', subject: 'b', deps: [], claims: { engine: 1 }, cached: false },
        { id: 'deliver:b', kind: 'deliver', subject: 'b', deps: [], claims: { engine: 1 }, cached: false },
      ],
    });
    bus.emit({ type: 'step.finished', stepId: 'build:a', state: 'cached', durationMs: 0 });
    now = 100;
    bus.emit({ type: 'step.started', stepId: 'build:b', claims: { engine: 1 }, attempt: 1 });
    now = 1100;
    bus.emit({ type: 'step.finished', stepId: 'build:b', state: 'succeeded', durationMs: 1000 });
    now = 1200;
    bus.emit({ type: 'step.started', stepId: 'deliver:b', claims: { engine: 1 }, attempt: 1 });
    now = 1300;
    bus.emit({ type: 'step.finished', stepId: 'deliver:b', state: 'failed', durationMs: 100 });
    expect(phaseFigures(bus.history)).toEqual([
      { kind: 'build', steps: 2, cached: 1, failed: 0, wallMs: 1000 },
      { kind: 'deliver', steps: 1, cached: 0, failed: 1, wallMs: 100 },
      { kind: 'test', steps: 1, cached: 0, failed: 0, wallMs: 0 },
    ]);
  });
});
