// Custom resources whose CRD is in a deploy group their own group does not come after: the cluster may see the
// resource first ("no matches for kind"), so it is refused before anything is created, located, with the fix.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../kube/parse-manifests.js';
import type { RenderedGroup } from '../../kube/types.js';
import { crdOrderProblems } from './crd-order.js';

const group = (name: string, yaml: string): RenderedGroup => ({
  name,
  objects: parseManifests(yaml, `k8s/${name}.yaml`),
  waitFor: [],
  images: [],
});
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec: {group: example.com, names: {kind: Widget, plural: widgets}}
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: blue}\n';
const OTHER = 'apiVersion: other.io/v1\nkind: Widget\nmetadata: {name: red}\n';
const groups = [
  group('crds', CRD),
  group('mid', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'),
  group('apps', WIDGET),
];

describe('crdOrderProblems', () => {
  it('refuses a custom resource whose CRD is in a group that runs beside its own', () => {
    expect(crdOrderProblems(groups, new Map())).toEqual([
      'Widget/blue (k8s/apps.yaml:1): its CustomResourceDefinition widgets.example.com (k8s/crds.yaml:1) is in deploy group crds, which group apps does not come after: it may be applied before the cluster knows its kind. Fix: add `after: [crds]` to group apps, or move the CRD into it',
    ]);
  });

  it('accepts it when its group comes after the CRD group, directly or through another group', () => {
    expect(crdOrderProblems(groups, new Map([['apps', ['crds']]]))).toEqual([]);
    expect(
      crdOrderProblems(
        groups,
        new Map([
          ['apps', ['mid']],
          ['mid', ['crds']],
        ]),
      ),
    ).toEqual([]);
  });

  it('accepts a CRD and its resource in one group, and a same-named kind of another API group', () => {
    expect(crdOrderProblems([group('all', `${CRD}---\n${WIDGET}`), group('apps', OTHER)], new Map())).toEqual([]);
  });
});
