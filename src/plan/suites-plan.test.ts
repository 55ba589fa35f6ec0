import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { simulateSchedule } from './simulate.js';
import {
  planSuites,
  suiteClusterOfStep,
  suiteClusterStepId,
  suiteDeliverStepId,
  suiteDeployStepId,
  suiteTestStepId,
} from './suites-plan.js';
import { GiB, suitesEnv } from './suites.test-kit.js';
import type { Plan } from './types.js';

const base = { target: 'podman', cachedImages: new Set<string>(), withTest: true } as const;

/** Memory held at every simulated instant, with `after` edges as plain dependencies and the given durations. */
function peakMemory(plan: Plan, footprints: Map<string, number>, durationOf: (id: string) => number, capacity = 2) {
  const steps = plan.steps.map((s) => ({ ...s, deps: [...s.deps, ...(s.after ?? [])], estimateMs: durationOf(s.id) }));
  const sim = simulateSchedule(steps, capacity);
  const spans = new Map<string, { start: number; end: number }>();
  for (const slot of sim.slots) {
    const suite = plan.steps.find((s) => s.id === slot.id)?.suite;
    if (suite === undefined) continue;
    const known = spans.get(suite) ?? { start: Infinity, end: -Infinity };
    spans.set(suite, { start: Math.min(known.start, slot.startMs), end: Math.max(known.end, slot.endMs) });
  }
  let peak = 0;
  for (const [, at] of spans) {
    // Memory at the instant a suite starts is the most it can be: holdings only grow at starts.
    const held = [...spans].filter(([, s]) => s.start <= at.start && s.end > at.start).map(([n]) => footprints.get(n)!);
    peak = Math.max(
      peak,
      held.reduce((a, b) => a + b, 0),
    );
  }
  return peak;
}

describe('planSuites', () => {
  it('builds each image once across ten suites that all use it', () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const env = suitesEnv(
      ['base', 'api', 'web'],
      names.map((name, i) => ({ name, images: i % 2 === 0 ? ['api', 'base'] : ['api', 'web'] })),
    );
    const { plan } = planSuites(env, { ...base, suites: names });
    const builds = plan.steps.filter((s) => s.kind === 'build').map((s) => s.id);
    expect(builds.sort()).toEqual(['build:api', 'build:base', 'build:web']);
    expect(plan.steps.filter((s) => s.kind === 'cluster')).toHaveLength(10);
    expect(plan.steps.filter((s) => s.kind === 'test')).toHaveLength(10);
    // Every suite's cluster starts at once: no cluster step waits for a build.
    expect(plan.steps.filter((s) => s.kind === 'cluster').every((s) => s.deps.length === 0)).toBe(true);
  });

  it('gives a two-cluster suite a cluster, deliveries and deploys per cluster, and one test over both', () => {
    const env = suitesEnv(
      ['api', 'agent'],
      [{ name: 'fleet', images: ['api', 'agent'], clusters: { hub: ['hub-app'], spoke: ['agent-app'] } }],
    );
    const groupImages = new Map([
      ['fleet/hub-app', ['api']],
      ['fleet/agent-app', ['agent']],
    ]);
    const { plan } = planSuites(env, { ...base, suites: ['fleet'], groupImages });
    const ids = plan.steps.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cluster:fleet/hub',
        'cluster:fleet/spoke',
        'deliver:fleet/hub/api',
        'deliver:fleet/spoke/agent',
        'deploy:fleet/hub/hub-app',
        'deploy:fleet/spoke/agent-app',
      ]),
    );
    expect(ids).not.toContain('deliver:fleet/hub/agent');
    expect(plan.steps.find((s) => s.id === 'test:fleet')?.deps.sort()).toEqual(
      ['cluster:fleet/hub', 'cluster:fleet/spoke', 'deploy:fleet/hub/hub-app', 'deploy:fleet/spoke/agent-app'].sort(),
    );
  });

  it('without a memory budget no suite waits', () => {
    const env = suitesEnv(
      ['api'],
      [
        { name: 'a', images: ['api'] },
        { name: 'b', images: ['api'] },
      ],
    );
    const { plan, waits } = planSuites(env, { ...base, suites: ['a', 'b'] });
    expect(waits).toEqual([]);
    expect(plan.steps.some((s) => s.after?.length)).toBe(false);
  });

  it('makes a suite that does not fit wait, says why, and orders it after the suite it waits for', () => {
    const env = suitesEnv(
      ['api'],
      [
        { name: 'a', images: ['api'], memoryBytes: 3 * GiB },
        { name: 'b', images: ['api'], memoryBytes: 3 * GiB },
        { name: 'c', images: ['api'], memoryBytes: 3 * GiB },
      ],
      { memoryBytes: 7 * GiB },
    );
    const { plan, waits } = planSuites(env, { ...base, suites: ['a', 'b', 'c'] });
    expect(waits).toHaveLength(1);
    expect(waits[0]!.reason).toMatch(
      /^c needs 3\.0 GiB of memory \(declared\); 6\.0 GiB held by a, b of the 7\.0 GiB budget; it starts after (a|b)/,
    );
    const gated = plan.steps.find((s) => s.id === suiteClusterStepId('c', 'main'))!;
    expect(gated.after?.some((id) => id === suiteTestStepId('a') || id === suiteTestStepId('b'))).toBe(true);
  });

  it('never exceeds the memory budget, whatever the real step durations', () => {
    // Deterministic pseudo-random instances: footprints, durations and budgets vary; every suite fits alone.
    let seed = 7;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 40; round++) {
      const names = Array.from({ length: 3 + Math.floor(rand() * 6) }, (_, i) => `s${i}`);
      const sketches = names.map((name) => ({ name, images: ['api'], memoryBytes: Math.ceil(1 + rand() * 4) * GiB }));
      const budget = 5 * GiB + Math.floor(rand() * 6) * GiB;
      const env = suitesEnv(['api', 'web'], sketches, { memoryBytes: budget });
      const { plan, footprints } = planSuites(env, { ...base, suites: names });
      // Real durations differ from the estimates by up to 10x either way.
      const real = new Map(plan.steps.map((s) => [s.id, Math.round(s.estimateMs * (0.1 + rand() * 10))]));
      expect(peakMemory(plan, footprints, (id) => real.get(id)!)).toBeLessThanOrEqual(budget);
    }
  });

  it('rejects an unknown suite with a suggestion', () => {
    const env = suitesEnv(['api'], [{ name: 'gateway', images: ['api'] }]);
    const error: unknown = (() => {
      try {
        return planSuites(env, { ...base, suites: ['gatewya'] });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TarmacError);
    expect(error).toMatchObject({
      code: 'UNKNOWN_SUITE',
      hint: 'Did you mean `gateway`? Suites in this file: gateway.',
    });
  });
});

describe('suiteClusterOfStep', () => {
  it("reads back the cluster from each of a suite's cluster, deliver and deploy step ids", () => {
    expect(suiteClusterOfStep(suiteClusterStepId('fleet', 'hub'), 'fleet')).toBe('hub');
    expect(suiteClusterOfStep(suiteDeliverStepId('fleet', 'spoke', 'api'), 'fleet')).toBe('spoke');
    expect(suiteClusterOfStep(suiteDeployStepId('fleet', 'spoke', 'apps'), 'fleet')).toBe('spoke');
  });
  it("names no cluster for a test or build step, or another suite's step", () => {
    expect(suiteClusterOfStep(suiteTestStepId('fleet'), 'fleet')).toBeUndefined();
    expect(suiteClusterOfStep('build:api', 'fleet')).toBeUndefined();
    expect(suiteClusterOfStep(suiteDeployStepId('storage', 'main', 'apps'), 'fleet')).toBeUndefined();
  });
});
