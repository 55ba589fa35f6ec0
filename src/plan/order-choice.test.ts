// The start order `up` prefers: the heavy build yields to the light builds only when that lets engine-free work (a
// deploy) overlap it, and the simulated run is then shorter; a build-only plan keeps the heavy build first.
import { describe, expect, it } from 'vitest';
import { assemblePlan } from './assemble.js';
import { fasterOrder } from './order-choice.js';
import { draft } from './plan.test-kit.js';
import { simulateSchedule } from './simulate.js';

// The bundled example's cold `up` on the podman target, with durations close to those measured (ms).
const durations = new Map([
  ['build:base', 340],
  ['build:datastorage', 300],
  ['build:holmesgpt-api', 13_850],
  ['build:aianalysis', 300],
  ['deploy:data', 700],
  ['deploy:apps', 900],
  ['test', 600],
]);
const builds = [
  draft('build:base'),
  draft('build:datastorage', ['build:base']),
  draft('build:holmesgpt-api', ['build:base'], { claims: { engine: 2 } }),
  draft('build:aianalysis', ['build:base']),
];
const deploys = [
  draft('deploy:data', ['build:datastorage'], { kind: 'deploy', claims: { engine: 0 } }),
  draft('deploy:apps', ['deploy:data', 'build:holmesgpt-api', 'build:aianalysis'], {
    kind: 'deploy',
    claims: { engine: 0 },
  }),
  draft('test', ['deploy:apps'], { kind: 'test', claims: { engine: 0 } }),
];
const startOf = (plan: ReturnType<typeof assemblePlan>, id: string) =>
  simulateSchedule(plan.steps, 2).slots.find((s) => s.id === id)!.startMs;

describe('fasterOrder', () => {
  it('runs the light builds before the heavy one when the deploy they unlock then overlaps it', () => {
    const plan = assemblePlan([...builds, ...deploys], durations);
    // The default order starts the heavy build first (its remaining path is the longest).
    expect(startOf(plan, 'build:holmesgpt-api')).toBe(340);
    const chosen = fasterOrder(plan, 2);
    expect(startOf(chosen, 'build:holmesgpt-api')).toBe(640);
    expect(startOf(chosen, 'deploy:data')).toBeLessThan(startOf(chosen, 'build:holmesgpt-api') + 13_850);
    expect(simulateSchedule(chosen.steps, 2).makespanMs).toBeLessThan(simulateSchedule(plan.steps, 2).makespanMs);
    // Only the order changes: the same steps, estimates and critical path.
    expect(chosen.steps.map((s) => [s.id, s.estimateMs])).toEqual(plan.steps.map((s) => [s.id, s.estimateMs]));
    expect(chosen.criticalPath).toEqual(plan.criticalPath);
  });

  it('keeps the default order when yielding gains nothing (builds only: a tie)', () => {
    const plan = assemblePlan(builds, durations);
    expect(fasterOrder(plan, 2)).toBe(plan);
  });

  it('leaves a plan alone when no step takes the whole engine', () => {
    const plan = assemblePlan([...builds, ...deploys], durations);
    expect(fasterOrder(plan, 3)).toBe(plan);
  });
});
