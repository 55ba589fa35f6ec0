import { describe, expect, it } from 'vitest';
import type { DeployGroupSpec, HookSpec } from '../config/types.js';
import { makeEnv } from './plan.test-kit.js';
import { planUp } from './up-plan.js';

const hook = (name: string, timeoutMs = 60_000): HookSpec => ({
  name,
  command: ['node', `${name}.mjs`],
  env: {},
  cwd: '/project',
  timeoutMs,
});

const group = (name: string, over: Partial<DeployGroupSpec> = {}): DeployGroupSpec => ({
  name,
  manifests: [`/project/${name}`],
  after: [],
  ...over,
});

function plan(deploy: DeployGroupSpec[]) {
  const env = { ...makeEnv([{ name: 'api' }]), deploy };
  env.test = { command: ['node', 'suite.mjs'], env: {}, timeoutMs: 600_000, cwd: '/project' };
  const p = planUp(env, {
    target: 'podman',
    cachedImages: new Set(),
    groupImages: new Map(deploy.map((g) => [g.name, ['api']])),
    withTest: true,
  });
  return new Map(p.steps.map((s) => [s.id, s]));
}

describe('hook steps in the up plan', () => {
  it('chains before hooks ahead of the deploy step and after hooks behind it, each its own never-retried step', () => {
    const steps = plan([
      group('data', { hooks: { before: [hook('migrate', 90_000)], after: [hook('seed'), hook('verify')] } }),
    ]);
    expect(steps.get('hook:data/migrate')).toMatchObject({
      kind: 'hook',
      subject: 'data/migrate',
      deps: ['cluster'],
      timeoutMs: 90_000,
      retry: 'never',
      claims: { engine: 0 },
    });
    expect(steps.get('deploy:data')?.deps).toEqual(['cluster', 'deliver:api', 'hook:data/migrate']);
    expect(steps.get('hook:data/seed')?.deps).toEqual(['deploy:data']);
    expect(steps.get('hook:data/verify')?.deps).toEqual(['hook:data/seed']);
    expect(steps.get('test')?.deps).toEqual(['cluster', 'hook:data/verify']);
  });

  it('makes a group that names another in `after` wait for its after hooks, and its before hooks too', () => {
    const steps = plan([
      group('data', { hooks: { before: [], after: [hook('seed')] } }),
      group('apps', { after: ['data'], hooks: { before: [hook('fixtures')], after: [] } }),
    ]);
    expect(steps.get('hook:apps/fixtures')?.deps).toEqual(['cluster', 'hook:data/seed']);
    expect(steps.get('deploy:apps')?.deps).toEqual(['cluster', 'deliver:api', 'hook:data/seed', 'hook:apps/fixtures']);
    expect(steps.get('test')?.deps).toEqual(['cluster', 'hook:data/seed', 'deploy:apps']);
  });

  it('plans exactly as before when no group has hooks', () => {
    const steps = plan([group('data'), group('apps', { after: ['data'] })]);
    expect([...steps.keys()].filter((id) => id.startsWith('hook:'))).toEqual([]);
    expect(steps.get('deploy:apps')?.deps).toEqual(['cluster', 'deliver:api', 'deploy:data']);
    expect(steps.get('test')?.deps).toEqual(['cluster', 'deploy:data', 'deploy:apps']);
  });
});
