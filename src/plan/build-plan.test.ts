import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { PlanCycleError } from './graph.js';
import { buildStepId, planBuild } from './build-plan.js';
import { exampleEnv, makeEnv } from './plan.test-kit.js';

function thrown(fn: () => unknown): TarmacError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TarmacError) return err;
    throw err;
  }
  throw new Error('expected a TarmacError');
}

describe('planBuild', () => {
  it('makes one build step per image with deps, claims, timeouts and retry policy', () => {
    const plan = planBuild(exampleEnv(), { cachedImages: new Set() });
    expect(plan.steps.map((s) => s.id)).toEqual([
      'build:base',
      'build:datastorage',
      'build:holmesgpt-api',
      'build:aianalysis',
    ]);
    const holmes = plan.steps.find((s) => s.id === 'build:holmesgpt-api')!;
    expect(holmes).toMatchObject({
      kind: 'build',
      subject: 'holmesgpt-api',
      deps: ['build:base'],
      claims: { engine: 2 },
      timeoutMs: 900_000,
      stallMs: 120_000,
      retry: 'infra-only',
      cached: false,
      estimateMs: 120_000,
    });
  });

  it('gives the heavy, longest service the highest priority among the services', () => {
    const plan = planBuild(exampleEnv(), { cachedImages: new Set() });
    const priority = new Map(plan.steps.map((s) => [s.subject, s.priority]));
    const services = ['datastorage', 'holmesgpt-api', 'aianalysis'].sort((a, b) => priority.get(b)! - priority.get(a)!);
    expect(services[0]).toBe('holmesgpt-api');
    expect(priority.get('base')).toBe(60_000 + 120_000);
    expect(plan.criticalPath).toEqual(['build:base', 'build:holmesgpt-api']);
    expect(plan.criticalPathMs).toBe(180_000);
  });

  it('lets recorded durations reorder priorities', () => {
    const durations = new Map([['build:datastorage', 600_000]]);
    const plan = planBuild(exampleEnv(), { cachedImages: new Set(), durations });
    const top = plan.steps.filter((s) => s.subject !== 'base').sort((a, b) => b.priority - a.priority)[0];
    expect(top?.subject).toBe('datastorage');
    expect(plan.criticalPath).toEqual(['build:base', 'build:datastorage']);
  });

  it('marks cached images and gives them no estimate', () => {
    const plan = planBuild(exampleEnv(), { cachedImages: new Set(['base']) });
    const base = plan.steps.find((s) => s.subject === 'base')!;
    expect(base.cached).toBe(true);
    expect(base.estimateMs).toBe(0);
    expect(plan.steps.filter((s) => s.cached)).toHaveLength(1);
  });

  it('restricts `only` to the named images plus what they depend on', () => {
    const env = makeEnv([
      { name: 'a' },
      { name: 'b', dependsOn: ['a'] },
      { name: 'c', dependsOn: ['b'] },
      { name: 'd' },
    ]);
    const plan = planBuild(env, { cachedImages: new Set(), only: ['c'] });
    expect(plan.steps.map((s) => s.id)).toEqual(['build:a', 'build:b', 'build:c']);
  });

  it('rejects an unknown `only` name with a suggestion and the list of images', () => {
    const error = thrown(() => planBuild(exampleEnv(), { cachedImages: new Set(), only: ['holmes-api', 'zzz'] }));
    expect(error.code).toBe('UNKNOWN_IMAGE');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('unknown images "holmes-api", "zzz"');
    expect(error.hint).toContain('Did you mean `holmesgpt-api` instead of `holmes-api`?');
    expect(error.hint).toContain('`base`, `datastorage`, `holmesgpt-api`, `aianalysis`');
  });

  it('reports a dependsOn cycle by name', () => {
    const env = makeEnv([
      { name: 'a', dependsOn: ['b'] },
      { name: 'b', dependsOn: ['a'] },
    ]);
    const error = thrown(() => planBuild(env, { cachedImages: new Set() }));
    expect(error).toBeInstanceOf(PlanCycleError);
    expect(error.message).toBe('dependency cycle: build:a -> build:b -> build:a');
  });

  it('reports a dependsOn on an image that does not exist', () => {
    const env = makeEnv([{ name: 'a', dependsOn: ['nope'] }]);
    expect(thrown(() => planBuild(env, { cachedImages: new Set() })).code).toBe('PLAN_UNKNOWN_DEP');
  });

  it('names steps build:<image>', () => {
    expect(buildStepId('x')).toBe('build:x');
  });
});
