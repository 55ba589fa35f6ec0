import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { renderGroup } from './render.js';
import type { KubeObject, SourcedObject } from './types.js';

const sourced = (object: KubeObject, line = 1): SourcedObject => ({ object, file: 'manifests/apps.yaml', line });
const podSpec = (...images: string[]) => ({
  initContainers: [{ name: 'init', image: images[0] }],
  containers: images.slice(1).map((image, i) => ({ name: `c${i}`, image, imagePullPolicy: 'Always' })),
});
const deployment = (name: string, ...images: string[]): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: podSpec(...images) } },
});
const images = new Map([
  ['datastorage', 'localhost/datastorage:tm-1a2b'],
  ['holmesgpt-api', 'localhost/holmesgpt-api:tm-3c4d'],
]);

describe('renderGroup', () => {
  it('substitutes logical names in every spelling, sets the pull policy on those containers only', () => {
    const input = [
      sourced(
        deployment(
          'api',
          'datastorage',
          'holmesgpt-api:latest',
          'localhost/datastorage',
          'docker.io/library/busybox:1.36',
          'datastorage:v2',
        ),
      ),
    ];
    const group = renderGroup('apps', input, images, { pullPolicy: 'Never' });
    const spec = (group.objects[0]?.object.spec as { template: { spec: ReturnType<typeof podSpec> } }).template.spec;
    expect(spec.initContainers[0]).toEqual({
      name: 'init',
      image: 'localhost/datastorage:tm-1a2b',
      imagePullPolicy: 'Never',
    });
    expect(spec.containers.map((c) => [c.image, c.imagePullPolicy])).toEqual([
      ['localhost/holmesgpt-api:tm-3c4d', 'Never'],
      ['localhost/datastorage:tm-1a2b', 'Never'],
      ['docker.io/library/busybox:1.36', 'Always'],
      ['datastorage:v2', 'Always'],
    ]);
    expect(group.images).toEqual(['datastorage', 'holmesgpt-api']);
    expect(group.objects[0]?.file).toBe('manifests/apps.yaml');
  });

  it('never mutates its input', () => {
    const input = [sourced(deployment('api', 'datastorage', 'datastorage'))];
    const before = structuredClone(input);
    renderGroup('apps', input, images, { pullPolicy: 'IfNotPresent' });
    expect(input).toEqual(before);
  });

  it('reaches the pod templates of every workload kind', () => {
    const kinds: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podSpec('x', 'datastorage') },
      ...['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].map((kind) => ({
        apiVersion: 'apps/v1',
        kind,
        metadata: { name: kind.toLowerCase() },
        spec: { template: { spec: podSpec('x', 'datastorage') } },
      })),
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'cron' },
        spec: { jobTemplate: { spec: { template: { spec: podSpec('x', 'datastorage') } } } },
      },
    ];
    const text = JSON.stringify(
      renderGroup(
        'g',
        kinds.map((k) => sourced(k)),
        images,
        { pullPolicy: 'IfNotPresent' },
      ).objects,
    );
    expect(text.match(/localhost\/datastorage:tm-1a2b/g)).toHaveLength(kinds.length);
    expect(text.match(/"imagePullPolicy":"IfNotPresent"/g)).toHaveLength(kinds.length);
  });

  it('uses no images and waits for nothing when the group has no workloads', () => {
    const config: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { image: 'datastorage' },
    };
    expect(renderGroup('cfg', [sourced(config)], images, { pullPolicy: 'Never' })).toMatchObject({
      images: [],
      waitFor: [],
    });
  });

  it('waits for every Deployment, StatefulSet and DaemonSet by default', () => {
    const objects = [
      deployment('api', 'x', 'datastorage'),
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'data' }, spec: {} },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: {} },
    ].map((o) => sourced(o));
    expect(renderGroup('apps', objects, images, { pullPolicy: 'Never' }).waitFor).toEqual([
      { kind: 'Deployment', name: 'api' },
      { kind: 'StatefulSet', name: 'db', namespace: 'data' },
    ]);
  });

  it('waits for an explicit list, matching kinds without regard to case', () => {
    const objects = [
      deployment('api', 'x'),
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: {} },
    ].map((o) => sourced(o));
    const group = renderGroup('apps', objects, images, {
      pullPolicy: 'Never',
      wait: [{ kind: 'job', name: 'migrate' }],
    });
    expect(group.waitFor).toEqual([{ kind: 'Job', name: 'migrate' }]);
  });

  it('rejects a wait entry that names no object of the group, with a suggestion', () => {
    const objects = [deployment('holmesgpt-api', 'x')].map((o) => sourced(o));
    const attempt = () =>
      renderGroup('apps', objects, images, {
        pullPolicy: 'Never',
        wait: [{ kind: 'Deployment', name: 'holmesgpt-ap' }],
      });
    expect(attempt).toThrow(TarmacError);
    try {
      attempt();
    } catch (err) {
      expect(err).toMatchObject({
        code: 'DEPLOY_WAIT_UNKNOWN',
        exitCode: 2,
        hint: 'Did you mean `Deployment/holmesgpt-api`?',
      });
      expect((err as Error).message).toBe(
        "deploy group apps: `wait` names Deployment/holmesgpt-ap, which is not among the group's objects",
      );
    }
  });
});
