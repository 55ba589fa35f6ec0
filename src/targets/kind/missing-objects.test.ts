// missingObjects() on kind over a fake process boundary answering like kubectl v1.34's `get -f FILE -o name`: the found
// objects as `<kind>[.<group>]/<name>` on stdout, a NotFound line per missing one on stderr with exit 1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import type { KubeObject } from '../../kube/types.js';
import { fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';

const root = mkdtempSync(join(tmpdir(), 'kind-missing-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = kindTestEnv(root, { name: 'shop', cluster: 'shop-e2e' });

const group = renderGroup(
  'platform',
  parseManifests(
    `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: reader }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: config }
`,
    'platform.yaml',
  ),
  new Map(),
  { pullPolicy: 'Never', namespace: 'shop' },
);

const NAMES: Record<string, string> = {
  Namespace: 'namespace/shop',
  CustomResourceDefinition: 'customresourcedefinition.apiextensions.k8s.io/widgets.example.com',
  Role: 'role.rbac.authorization.k8s.io/reader',
  ConfigMap: 'configmap/config',
};
const NOT_FOUND: Record<string, string> = {
  Role: 'Error from server (NotFound): roles.rbac.authorization.k8s.io "reader" not found',
  ConfigMap: 'Error from server (NotFound): configmaps "config" not found',
};

// kubectl reading the List file it is given; `gone` kinds are missing from the cluster.
function kubectl(gone: string[], listed: KubeObject[][]) {
  return (call: FakeCall): FakeAnswer => {
    const args = call.args.slice(2); // --kubeconfig <file>
    if (args[0] !== 'get' || args[1] !== '-f' || args[3] !== '-o' || args[4] !== 'name')
      return { exitCode: 1, stderr: `unexpected call: ${call.args.join(' ')}` };
    const items = (JSON.parse(readFileSync(args[2] ?? '', 'utf8')) as { items: KubeObject[] }).items;
    listed.push(items);
    const stdout = items.flatMap((o) => (gone.includes(o.kind) ? [] : [NAMES[o.kind] ?? '?'])).join('\n');
    const stderr = gone.map((k) => NOT_FOUND[k] ?? '?').join('\n');
    return { stdout, stderr, exitCode: gone.length > 0 ? 1 : 0 };
  };
}

function target(answer: (call: FakeCall) => FakeAnswer) {
  return fakeKindTarget(env, answer).kind;
}

describe('kind missingObjects()', () => {
  it('asks kubectl for the group and the namespace tarmac creates for it; none missing when all are named', async () => {
    const listed: KubeObject[][] = [];
    expect(await target(kubectl([], listed)).missingObjects?.(group)).toEqual([]);
    expect(listed[0]?.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/shop',
      'CustomResourceDefinition/widgets.example.com',
      'Role/reader',
      'ConfigMap/config',
    ]);
  });

  it('names the objects kubectl did not find', async () => {
    expect(await target(kubectl(['Role', 'ConfigMap'], [])).missingObjects?.(group)).toEqual([
      'Role/reader',
      'ConfigMap/config',
    ]);
  });

  it('fails with KIND_COMMAND_FAILED when kubectl fails for another reason', async () => {
    const refused = () => ({
      exitCode: 1,
      stderr: 'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?',
    });
    await expect(target(refused).missingObjects?.(group)).rejects.toMatchObject({ code: 'KIND_COMMAND_FAILED' });
  });
});
