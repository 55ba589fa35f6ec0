import { describe, expect, it } from 'vitest';
import type { Env } from '../config/types.js';
import { planUp } from './up-plan.js';
import { DEFAULT_TIMEOUTS } from '../config/schema.js';

const env = (): Env => ({
  name: 'aianalysis',
  file: '/x/tarmac.yaml',
  dir: '/x',
  stateDir: '/x/.tarmac',
  historyPath: '/x/.tarmac/history.db',
  engine: { type: 'auto' },
  images: [
    { name: 'base', contextDir: '/x/base', containerfile: '/x/base/Containerfile', args: {}, weight: 1, dependsOn: [] },
    {
      name: 'datastorage',
      contextDir: '/x/ds',
      containerfile: '/x/ds/Containerfile',
      args: {},
      weight: 1,
      dependsOn: ['base'],
    },
    {
      name: 'holmesgpt-api',
      contextDir: '/x/h',
      containerfile: '/x/h/Containerfile',
      args: {},
      weight: 2,
      dependsOn: ['base'],
    },
    {
      name: 'aianalysis',
      contextDir: '/x/a',
      containerfile: '/x/a/Containerfile',
      args: {},
      weight: 1,
      dependsOn: ['base'],
    },
  ],
  cluster: { target: 'auto', name: 'aianalysis-e2e', reuse: 'healthy' },
  deploy: [
    { name: 'data', manifests: ['/x/m/data'], after: [] },
    { name: 'apps', manifests: ['/x/m/apps'], after: ['data'] },
  ],
  test: { command: ['node', 'suite.mjs'], env: {}, timeoutMs: 60_000, cwd: '/x' },
  capacity: 2,
  timeouts: { ...DEFAULT_TIMEOUTS },
});

const groupImages = new Map([
  ['data', ['datastorage']],
  ['apps', ['holmesgpt-api', 'aianalysis']],
]);

describe('planUp', () => {
  it('pipelines each image: deliver depends on its own build and the cluster only', () => {
    const plan = planUp(env(), { target: 'kind', cachedImages: new Set(), groupImages, withTest: true });
    const step = (id: string) => plan.steps.find((s) => s.id === id);
    expect(step('deliver:datastorage')?.deps).toEqual(['build:datastorage', 'cluster']);
    expect(step('deploy:data')?.deps).toEqual(['cluster', 'deliver:datastorage']);
    expect(step('deploy:apps')?.deps).toEqual([
      'cluster',
      'deliver:holmesgpt-api',
      'deliver:aianalysis',
      'deploy:data',
    ]);
    expect(step('test')?.deps).toEqual(['cluster', 'deploy:data', 'deploy:apps']);
    expect(step('test')?.retry).toBe('never');
  });

  it('delivers only images that a deploy group uses (a base image is not delivered)', () => {
    const plan = planUp(env(), { target: 'podman', cachedImages: new Set(), groupImages, withTest: true });
    expect(plan.steps.some((s) => s.id === 'deliver:base')).toBe(false);
    expect(plan.steps.filter((s) => s.kind === 'deliver')).toHaveLength(3);
  });

  it('claims an engine unit for kind cluster creation, none for the podman network', () => {
    expect(
      planUp(env(), { target: 'kind', cachedImages: new Set(), groupImages, withTest: false }).steps.find(
        (s) => s.id === 'cluster',
      )?.claims.engine,
    ).toBe(1);
    expect(
      planUp(env(), { target: 'podman', cachedImages: new Set(), groupImages, withTest: false }).steps.find(
        (s) => s.id === 'cluster',
      )?.claims.engine,
    ).toBe(0);
  });

  it('claims no engine unit to deliver an image built in this run to the podman target (it is in the store)', () => {
    const claim = (target: 'podman' | 'kind', cached: string[], image: string) =>
      planUp(env(), { target, cachedImages: new Set(cached), groupImages, withTest: false }).steps.find(
        (s) => s.id === `deliver:${image}`,
      )?.claims.engine;
    expect(claim('podman', [], 'datastorage')).toBe(0);
    // A cached build may live only in the registry: the podman target then pulls it, which is engine work.
    expect(claim('podman', ['datastorage'], 'datastorage')).toBe(1);
    expect(claim('kind', [], 'datastorage')).toBe(1);
  });

  it('puts the heavy build on the critical path and marks cached builds', () => {
    const plan = planUp(env(), { target: 'kind', cachedImages: new Set(['base']), groupImages, withTest: true });
    expect(plan.criticalPath).toContain('build:holmesgpt-api');
    expect(plan.steps.find((s) => s.id === 'build:base')?.cached).toBe(true);
    const services = plan.steps
      .filter((s) => s.kind === 'build' && s.subject !== 'base')
      .sort((a, b) => b.priority - a.priority);
    expect(services[0]?.subject).toBe('holmesgpt-api');
  });

  it('has no test step without a test section or with withTest false', () => {
    expect(
      planUp(env(), { target: 'kind', cachedImages: new Set(), groupImages, withTest: false }).steps.some(
        (s) => s.id === 'test',
      ),
    ).toBe(false);
    const noTest = { ...env(), test: undefined };
    expect(
      planUp(noTest, { target: 'kind', cachedImages: new Set(), groupImages, withTest: true }).steps.some(
        (s) => s.id === 'test',
      ),
    ).toBe(false);
  });
});
