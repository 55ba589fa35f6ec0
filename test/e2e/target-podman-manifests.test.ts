// Real manifests on the podman target, for real: a 2-ordinal StatefulSet, a Job with an init container,
// a CRD and the Service of a 2-replica Deployment in one group, the Deployment and a DaemonSet in another.
// From inside a container on the env network the names resolve (the Service to both replicas), the Job
// completed, the CRD got its "no effect" line, and a re-apply without the DaemonSet removes its pod.
import { execa } from 'execa';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import { waitReady } from '../../src/kube/wait-ready.js';
import type { RenderedGroup } from '../../src/kube/types.js';
import { createPodmanTarget } from '../../src/targets/podman/index.js';
import type { ClusterTarget } from '../../src/targets/types.js';
import { context, deployFixtures, fixtureEnv, inlineGroup, podman } from '../fixtures/deploy/support.js';
import { hasPodman, uniqueName } from '../support/podman-env.js';
import { sharedRefs } from '../support/shared-images.js';

const SH = '["/bin/busybox", "sh", "-c"]';

const DATA = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec: {group: example.com, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: []}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 8080}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - {name: db, image: base, command: ${SH}, args: ["exec sleep 600"], ports: [{containerPort: 5432}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      initContainers:
        - {name: wait-db, image: base, command: ${SH}, args: ["until nslookup db-0.db; do sleep 0.2; done"]}
      containers:
        - {name: migrate, image: base, command: ${SH}, args: ["echo migrated"]}
`;

const APPS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: web, image: base, command: ${SH}, args: ["exec httpd -f -p 8080"], ports: [{containerPort: 8080}]}
`;

const AGENT = `
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - {name: agent, image: base, command: ${SH}, args: ["exec sleep 600"]}
`;

const envName = uniqueName('tpm');
let target: ClusterTarget | undefined;
let stateDir = '';

async function deploy(t: ClusterTarget, group: RenderedGroup, all: RenderedGroup[], lines: string[]): Promise<void> {
  await t.apply(group, context(lines), all);
  await waitReady({
    group,
    pods: (s) => t.pods(group, s),
    deadlineMs: 60_000,
    intervalMs: 300,
    signal: AbortSignal.timeout(90_000),
    output: (l) => lines.push(l),
  });
}

// Resolves names from a container on the env network; returns the addresses per name.
async function resolve(names: string[]): Promise<Record<string, string[]>> {
  const script = names.map((n) => `echo "== ${n}"; nslookup ${n}`).join('; ');
  const r = await execa(
    'podman',
    ['run', '--rm', '--network', `tarmac-${envName}`, sharedRefs().base!, '/bin/busybox', 'sh', '-c', script],
    { reject: false },
  );
  const found: Record<string, string[]> = {};
  let current = '';
  for (const line of r.stdout.split('\n')) {
    const heading = /^== (.+)$/.exec(line);
    if (heading) current = heading[1]!;
    // The resolver's own line is `Address: <ip>:53`; answers carry no port.
    const answer = /^Address:\s+([\d.]+)$/.exec(line.trim());
    if (answer && current) (found[current] ??= []).push(answer[1]!);
  }
  return found;
}

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')('podman target: real manifests', () => {
  beforeAll(() => {
    stateDir = '';
  });

  afterAll(async () => {
    await target?.down().catch(() => undefined);
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('runs ordinals, replicas, a Job and a CRD across two groups, and a re-apply removes a dropped workload', async () => {
    const env = await fixtureEnv(join(deployFixtures, 'crash-loop', 'tarmac.yaml'), envName);
    stateDir = env.stateDir;
    const t = createPodmanTarget({
      env,
      runner: runCommand,
      engine: createPodmanEngine(runCommand),
      stateDir,
      runId: 'run-1',
    });
    target = t;
    const refs = new Map([['base', sharedRefs().base!]]);
    const rendered = inlineGroup('data', DATA, refs);
    const data = { ...rendered, waitFor: [...rendered.waitFor, { kind: 'Job', name: 'migrate' }] };
    const apps = inlineGroup('apps', APPS + AGENT, refs);
    await t.ensure(context());
    const lines: string[] = [];
    await deploy(t, data, [data, apps], lines);
    await deploy(t, apps, [data, apps], lines);

    expect(lines).toContainEqual(
      expect.stringMatching(
        /^podman target: CustomResourceDefinition\/widgets\.example\.com \(data\.yaml:\d+\) accepted, no effect/,
      ),
    );
    expect(lines).toContain('Job/migrate: ready (1/1 pods completed)');
    expect(lines).toContain('StatefulSet/db: ready (2/2 pods ready)');
    expect(lines).toContain('Deployment/web: ready (2/2 pods ready)');
    expect(await podman(['logs', `tarmac-${envName}-migrate-migrate`])).toBe('migrated');

    const names = await resolve(['web', 'db-0.db', 'db-1', 'db-1.db']);
    expect(names.web).toHaveLength(2);
    expect(names['db-0.db']).toHaveLength(1);
    expect(names['db-1']).toEqual(names['db-1.db']);
    expect(names['db-1']).toHaveLength(1);

    const again: string[] = [];
    const fewer = inlineGroup('apps', APPS, refs);
    await t.apply(fewer, context(again), [data, fewer]);
    expect(again).toContain(`tarmac-${envName}-agent: no longer in the manifests of group apps, removed`);
    expect(again).toContain(`tarmac-${envName}-web-0: unchanged and running, kept`);
    const pods = await podman(['pod', 'ps', '--filter', `label=io.tarmac.env=${envName}`, '--format', '{{.Name}}']);
    expect(pods.split('\n').sort()).toEqual(
      ['db-0', 'db-1', 'migrate', 'web-0', 'web-1'].map((n) => `tarmac-${envName}-${n}`),
    );
  }, 120_000);
});
