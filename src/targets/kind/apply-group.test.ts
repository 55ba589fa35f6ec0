// apply() on kind over a fake process boundary that answers like kubectl v1.34: the applies in install order,
// the namespaces tarmac creates (labelled as its own), and custom resources only after `kubectl wait` for their
// CRDs' Established condition.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import type { KubeObject } from '../../kube/types.js';
import { fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';

const root = mkdtempSync(join(tmpdir(), 'kind-apply-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = kindTestEnv(root, { name: 'shop', cluster: 'shop-e2e' });

const MANIFESTS = `apiVersion: example.com/v1
kind: Widget
metadata: { name: w1 }
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
---
apiVersion: v1
kind: Service
metadata: { name: api }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: api }
---
apiVersion: v1
kind: Secret
metadata: { name: db }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: api }
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec: { scope: Namespaced, names: { kind: Widget } }
`;

// Applied lists are read back from the temp file kubectl is given, as kubectl would read them.
const applied: KubeObject[][] = [];
function kubectl(call: FakeCall): FakeAnswer {
  const args = call.args.slice(2); // --kubeconfig <file>
  if (args[0] === 'apply') {
    const items = (JSON.parse(readFileSync(args[2] ?? '', 'utf8')) as { items: KubeObject[] }).items;
    applied.push(items);
    return { stdout: items.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name} created`).join('\n') };
  }
  if (args[0] === 'wait')
    return { stdout: 'customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met' };
  return { exitCode: 1, stderr: `unexpected call: ${call.cmd} ${call.args.join(' ')}` };
}

describe('kind apply(): order, namespaces, CRDs', () => {
  it('applies namespaces, then known kinds in Helm order, waits for the CRD, then the custom resources', async () => {
    const { kind: target, runner } = fakeKindTarget(env, kubectl);
    const group = renderGroup('app', parseManifests(MANIFESTS, 'app.yaml'), new Map(), {
      pullPolicy: 'Never',
      namespace: 'shop',
    });
    await target.apply(group, { signal: new AbortController().signal, output: () => undefined });
    expect(runner.calls.map((c) => c.args.slice(2, 4).join(' '))).toEqual([`apply -f`, 'wait --for', `apply -f`]);
    expect(runner.calls[1]?.args.slice(2)).toEqual([
      'wait',
      '--for',
      'condition=Established',
      'crd/widgets.example.com',
      '--timeout=60s',
    ]);
    expect(
      applied.map((list) => list.map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.namespace ?? '-'}`)),
    ).toEqual([
      [
        'Namespace/shop@-',
        'CustomResourceDefinition/widgets.example.com@-',
        'ServiceAccount/api@shop',
        'RoleBinding/api@shop',
        'Secret/db@shop',
        'Service/api@shop',
        'Deployment/api@shop',
        'Job/migrate@shop',
      ],
      ['Widget/w1@shop'],
    ]);
    expect(applied[0]?.[0]?.metadata.labels).toEqual({ 'io.tarmac.managed': 'true', 'io.tarmac.env': 'shop' });
  });

  it('without a namespace or CRDs: one apply of the objects, nothing created besides them', async () => {
    applied.length = 0;
    const { kind: target, runner } = fakeKindTarget(env, kubectl);
    const text = MANIFESTS.split('---\n').slice(1, 4).join('---\n');
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: mine }\n---\n';
    const objects = parseManifests(`${ns}${text}`, 'app.yaml');
    const group = renderGroup('app', objects, new Map(), { pullPolicy: 'Never', namespace: 'mine' });
    await target.apply(group, { signal: new AbortController().signal, output: () => undefined });
    expect(runner.calls).toHaveLength(1);
    expect(applied.map((list) => list.map((o) => o.kind))).toEqual([['Namespace', 'Service', 'Deployment', 'Job']]);
    expect(applied[0]?.[0]?.metadata.labels).toBeUndefined();
  });
});
