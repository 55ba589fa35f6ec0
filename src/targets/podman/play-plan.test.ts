// Planning a rendered group for podman: names, labels, aliases, published ports, probes, claims,
// and the clear refusals (port != targetPort, unsupported kinds, Services selecting nothing).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../../errors/errors.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import type { RenderedGroup } from '../../kube/types.js';
import { noEffectLine, planGroup } from './play-plan.js';

const example = (file: string): string =>
  readFileSync(new URL(`../../../examples/aianalysis/manifests/${file}`, import.meta.url), 'utf8');
const group = (name: string, yaml: string, file = `${name}.yaml`): RenderedGroup =>
  renderGroup(name, parseManifests(yaml, file), new Map([['datastorage', 'localhost/datastorage:tm-0123456789ab']]), {
    pullPolicy: 'Never',
  });
const ctx = { env: 'demo', project: 'aaaaaaaaaaaa', runId: 'run-1', network: 'tarmac-demo' };
const failure = (fn: () => unknown): TarmacError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TarmacError) return error;
    throw error;
  }
  throw new Error('expected a TarmacError');
};

describe('planGroup', () => {
  it('turns the example Deployment + Service into one labelled Pod, aliased by the Service name', () => {
    const plan = planGroup(group('data', example('data/datastorage.yaml'), 'manifests/data/datastorage.yaml'), ctx);
    expect(plan.units).toHaveLength(1);
    const unit = plan.units[0]!;
    expect(unit).toMatchObject({
      podName: 'tarmac-demo-datastorage',
      workload: { kind: 'Deployment', name: 'datastorage' },
      aliases: ['datastorage'],
      publish: [8080],
      volumes: [],
    });
    expect(unit.source).toMatch(/^manifests\/data\/datastorage\.yaml:\d+$/);
    expect(unit.pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tarmac-demo-datastorage' } });
    expect(unit.pod.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'datastorage',
      'io.tarmac.managed': 'true',
      'io.tarmac.env': 'demo',
      'io.tarmac.target': 'podman',
      'io.tarmac.project': 'aaaaaaaaaaaa',
      'io.tarmac.run': 'run-1',
      'io.tarmac.group': 'data',
      'io.tarmac.workload-kind': 'Deployment',
      'io.tarmac.workload': 'datastorage',
      'io.tarmac.spec': unit.specHash,
    });
    expect(unit.images).toEqual([
      { ref: 'localhost/datastorage:tm-0123456789ab', pullPolicy: 'Never', container: 'datastorage' },
    ]);
    expect(unit.probes.datastorage).toEqual({
      action: { type: 'httpGet', port: 8080, path: '/health', scheme: 'HTTP' },
      initialDelaySeconds: 0,
      periodSeconds: 2,
      timeoutSeconds: 1,
    });
    expect(plan.services).toMatchObject([{ name: 'datastorage', ports: [8080] }]);
  });

  it('hashes what decides behaviour: the run id does not change it, the spec does', () => {
    const yaml = example('data/datastorage.yaml');
    const a = planGroup(group('data', yaml), ctx).units[0]!.specHash;
    expect(planGroup(group('data', yaml), { ...ctx, runId: 'run-2' }).units[0]!.specHash).toBe(a);
    expect(
      planGroup(group('data', yaml.replace('periodSeconds: 2', 'periodSeconds: 3')), ctx).units[0]!.specHash,
    ).not.toBe(a);
  });

  it('refuses a Service whose port differs from its targetPort, naming the file and the fix', () => {
    const yaml = example('data/datastorage.yaml').replace(
      /port: 8080\n(\s+)targetPort: 8080/,
      'port: 8081\n$1targetPort: 8080',
    );
    const error = failure(() => planGroup(group('data', yaml, 'manifests/data/datastorage.yaml'), ctx));
    expect(error.code).toBe('PODMAN_TARGET_UNSUPPORTED');
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatch(
      /^Service datastorage \(manifests\/data\/datastorage\.yaml:\d+\) maps port 8081 to targetPort 8080: .*Fix: set port: 8080/,
    );
  });

  it('resolves named ports for Services and probes, and publishes probe ports too', () => {
    const plan = planGroup(group('g', NAMED), ctx);
    expect(plan.units[0]).toMatchObject({ aliases: ['web'], publish: [8080, 9090] });
    expect(plan.units[0]!.probes.web?.action).toEqual({ type: 'tcpSocket', port: 9090 });
  });

  it('lists every object it refuses, and says in one line each what has no effect', () => {
    const error = failure(() => planGroup(group('g', `${NAMED}---\n${UNSUPPORTED}`), ctx));
    expect(error.details).toEqual([
      expect.stringMatching(/^CronJob\/nightly \(g\.yaml:\d+\): the podman target cannot run a CronJob/),
      expect.stringMatching(/^Service orphan \(g\.yaml:\d+\) selects no workload of any deploy group of the env/),
    ]);
    const plan = planGroup(
      group('g', `${NAMED}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot}\n`),
      ctx,
    );
    expect(plan.noEffect.map(noEffectLine)).toEqual([
      expect.stringMatching(
        /^podman target: ServiceAccount\/robot \(g\.yaml:\d+\) accepted, no effect on this target: there is no API server to authorise against$/,
      ),
    ]);
  });

  it('scopes PersistentVolumeClaims to the env and points the pod at the scoped volume', () => {
    const plan = planGroup(group('g', CLAIM), ctx);
    const unit = plan.units[0]!;
    expect(unit.volumes).toEqual(['tarmac-demo-data']);
    expect(unit.extras.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ConfigMap/settings',
      'PersistentVolumeClaim/tarmac-demo-data',
    ]);
    expect(unit.extras[1]?.metadata.labels).toEqual({
      'io.tarmac.managed': 'true',
      'io.tarmac.env': 'demo',
      'io.tarmac.target': 'podman',
      'io.tarmac.project': 'aaaaaaaaaaaa',
    });
    expect(JSON.stringify(unit.pod.spec)).toContain('"claimName":"tarmac-demo-data"');
    expect(unit.podName).toBe('tarmac-demo-worker');
  });
});

const NAMED = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: localhost/web:1
          ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9090}]
          readinessProbe: {tcpSocket: {port: admin}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 8080, targetPort: http}]
`;

const UNSUPPORTED = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec: {}
---
apiVersion: v1
kind: Service
metadata: {name: orphan}
spec:
  selector: {app: nobody}
  ports: [{port: 80}]
`;

const CLAIM = `
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {A: b}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Mi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: worker}
spec:
  containers:
    - {name: w, image: localhost/w:1, volumeMounts: [{name: d, mountPath: /d}]}
  volumes:
    - {name: d, persistentVolumeClaim: {claimName: data}}
`;
