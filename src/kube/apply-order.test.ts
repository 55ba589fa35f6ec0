import { describe, expect, it } from 'vitest';
import { applyPhases, inApplyOrder } from './apply-order.js';
import type { SourcedObject } from './types.js';

const obj = (kind: string, name = kind.toLowerCase(), line = 1): SourcedObject => ({
  object: { apiVersion: 'v1', kind, metadata: { name } },
  file: 'g.yaml',
  line,
});
const kinds = (objects: SourcedObject[]): string[] => objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`);

describe('inApplyOrder', () => {
  it('sorts as Helm installs: Namespace, CRD, ServiceAccount, RBAC, config, PVC, Service, workloads, Jobs, then the rest', () => {
    const shuffled = [
      'Job',
      'Widget',
      'Deployment',
      'Service',
      'PersistentVolumeClaim',
      'ConfigMap',
      'RoleBinding',
      'Role',
      'ClusterRoleBinding',
      'ClusterRole',
      'ServiceAccount',
      'CustomResourceDefinition',
      'Namespace',
    ].map((k) => obj(k));
    expect(inApplyOrder(shuffled).map((o) => o.object.kind)).toEqual([
      'Namespace',
      'CustomResourceDefinition',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Role',
      'RoleBinding',
      'ConfigMap',
      'PersistentVolumeClaim',
      'Service',
      'Deployment',
      'Job',
      'Widget',
    ]);
  });

  it('keeps file order among equal ranks (workloads, Secrets and ConfigMaps, unknown kinds)', () => {
    const objects = [
      obj('StatefulSet', 'db'),
      obj('Secret', 's'),
      obj('Gadget', 'g'),
      obj('Deployment', 'api'),
      obj('ConfigMap', 'c'),
      obj('Widget', 'w'),
      obj('Pod', 'p'),
    ];
    expect(kinds(inApplyOrder(objects))).toEqual([
      'Secret/s',
      'ConfigMap/c',
      'StatefulSet/db',
      'Deployment/api',
      'Pod/p',
      'Gadget/g',
      'Widget/w',
    ]);
  });

  it('never mutates its input', () => {
    const objects = [obj('Job'), obj('Namespace')];
    inApplyOrder(objects);
    expect(kinds(objects)).toEqual(['Job/job', 'Namespace/namespace']);
  });
});

describe('applyPhases', () => {
  it('one phase without CRDs, custom kinds last', () => {
    expect(applyPhases([obj('Widget', 'w'), obj('Deployment', 'api')])).toEqual([
      { objects: [obj('Deployment', 'api'), obj('Widget', 'w')], afterEstablished: [] },
    ]);
  });

  it('custom resources in a second phase that waits for every CRD of the group', () => {
    const phases = applyPhases([
      obj('Widget', 'w'),
      obj('CustomResourceDefinition', 'widgets.example.com'),
      obj('Service', 'api'),
      obj('CustomResourceDefinition', 'gadgets.example.com'),
    ]);
    expect(phases.map((p) => [kinds(p.objects), p.afterEstablished])).toEqual([
      [
        ['CustomResourceDefinition/widgets.example.com', 'CustomResourceDefinition/gadgets.example.com', 'Service/api'],
        [],
      ],
      [['Widget/w'], ['widgets.example.com', 'gadgets.example.com']],
    ]);
  });

  it('one phase when the CRDs come without custom resources; none for an empty group', () => {
    expect(applyPhases([obj('CustomResourceDefinition', 'x.example.com')])).toHaveLength(1);
    expect(applyPhases([])).toEqual([]);
  });
});
