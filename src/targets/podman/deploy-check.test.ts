// What the podman target refuses, found on the rendered groups before anything is created: the planner's problems
// (located), and a container reading a Secret on a podman whose kube play cannot hand one (asked its version only
// then; an engine that cannot answer leaves a note, not a refusal).
import { describe, expect, it } from 'vitest';
import type { EngineVersion } from '../../engines/engine-version.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import type { RenderedGroup } from '../../kube/types.js';
import { podmanDeployCheck } from './deploy-check.js';

const group = (name: string, yaml: string): RenderedGroup =>
  renderGroup(name, parseManifests(yaml, `k8s/${name}.yaml`), new Map(), { pullPolicy: 'Never' });

const READER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api
          env: [{name: PW, valueFrom: {secretKeyRef: {name: creds, key: password}}}]
      volumes: [{name: tls, secret: {secretName: tls}}]
`;
const PLAIN = `apiVersion: v1
kind: Pod
metadata: {name: tool}
spec: {containers: [{name: tool, image: tool}]}
`;
const MISMATCH = `apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}
`;

/** A version question that records being asked. */
function asker(answer: EngineVersion): { ask: () => Promise<EngineVersion>; asked: () => number } {
  let asked = 0;
  return {
    ask: () => {
      asked += 1;
      return Promise.resolve(answer);
    },
    asked: () => asked,
  };
}

describe('podmanDeployCheck', () => {
  it('refuses each workload that reads a Secret on podman 4.3.1, once, located, naming every read and the fix', async () => {
    const version = asker({ version: '4.3.1' });
    const check = await podmanDeployCheck('shop', [group('apps', READER), group('tools', PLAIN)], version.ask);
    expect(check).toEqual({
      problems: [
        "Deployment/api (k8s/apps.yaml:1): podman 4.3.1's kube play cannot give a Secret to a container (podman 4.4.0 or later can): container api env PW (secretKeyRef creds/password); volume tls (secret tls). Fix: read the value from a ConfigMap on this target, or use a newer podman, or cluster.target: kind",
      ],
      notes: [],
    });
    expect(version.asked()).toBe(1);
  });

  it('accepts the same reads on a podman that can hand them over', async () => {
    for (const v of ['4.4.0', '5.2.1'])
      expect(await podmanDeployCheck('shop', [group('apps', READER)], asker({ version: v }).ask)).toEqual({
        problems: [],
        notes: [],
      });
  });

  it('leaves a note, not a refusal, when the engine cannot say its version', async () => {
    const check = await podmanDeployCheck(
      'shop',
      [group('apps', READER)],
      asker({ unknown: 'podman is not on PATH' }).ask,
    );
    expect(check.problems).toEqual([]);
    expect(check.notes).toEqual([
      '1 workload reads a Secret (Deployment/api (k8s/apps.yaml:1)); whether this podman can hand one to a container was not checked: podman is not on PATH. podman before 4.4.0 cannot, and fails at deploy.',
    ]);
  });

  it('never asks the engine when no pod reads a Secret, and reports what the planner refuses across groups', async () => {
    const version = asker({ version: '4.3.1' });
    const apps = group(
      'apps',
      READER.replace(/ {10}env: .*\n {6}volumes: .*\n/, '          ports: [{containerPort: 8080}]\n'),
    );
    const check = await podmanDeployCheck('shop', [apps, group('net', MISMATCH), group('tools', PLAIN)], version.ask);
    expect(version.asked()).toBe(0);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(
      /^Service api \(k8s\/net\.yaml:1\) maps port 80 to targetPort 8080: without a cluster there is no service proxy/,
    );
  });
});
