import { describe, expect, it } from 'vitest';
import { applyNamespace, namespacesToCreate } from './namespaces.js';
import type { KubeObject, SourcedObject } from './types.js';

const obj = (kind: string, name: string, extra: Partial<KubeObject> = {}, namespace?: string): SourcedObject => ({
  object: { apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra },
  file: 'g.yaml',
  line: 1,
});

describe('applyNamespace', () => {
  it('sets the namespace on namespaced objects that name none; cluster-scoped kinds and named ones keep theirs', () => {
    const objects = [
      obj('Deployment', 'api'),
      obj('ConfigMap', 'c', {}, 'other'),
      obj('ClusterRole', 'reader'),
      obj('CustomResourceDefinition', 'widgets.example.com', {
        spec: { scope: 'Namespaced', names: { kind: 'Widget' } },
      }),
      obj('CustomResourceDefinition', 'clusterwidgets.example.com', {
        spec: { scope: 'Cluster', names: { kind: 'ClusterWidget' } },
      }),
      obj('Widget', 'w'),
      obj('ClusterWidget', 'cw'),
      obj('Namespace', 'shop'),
    ];
    applyNamespace(objects, 'shop');
    expect(objects.map((o) => `${o.object.kind}:${o.object.metadata.namespace ?? '-'}`)).toEqual([
      'Deployment:shop',
      'ConfigMap:other',
      'ClusterRole:-',
      'CustomResourceDefinition:-',
      'CustomResourceDefinition:-',
      'Widget:shop',
      'ClusterWidget:-',
      'Namespace:-',
    ]);
  });

  it('changes nothing without a namespace', () => {
    const objects = [obj('Deployment', 'api')];
    applyNamespace(objects, undefined);
    expect(objects[0]?.object.metadata.namespace).toBeUndefined();
  });
});

describe('namespacesToCreate', () => {
  it('lists used namespaces that no Namespace object defines, never the built-in ones', () => {
    const objects = [
      obj('Deployment', 'a', {}, 'shop'),
      obj('Service', 'a', {}, 'shop'),
      obj('ConfigMap', 'b', {}, 'billing'),
      obj('Secret', 'c', {}, 'defined'),
      obj('Namespace', 'defined'),
      obj('ConfigMap', 'd', {}, 'default'),
      obj('ConfigMap', 'e', {}, 'kube-system'),
    ].map((o) => o.object);
    expect(namespacesToCreate(objects)).toEqual(['billing', 'shop']);
  });
});
