// Triage scenarios on the kind path: kind/kubectl stand-ins on real podman (from triage-scenarios-kind, -kind2 and
// -kind3). Real podman errors where the stand-in passes real flags; its STANDIN_* knobs where no real kind can run.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runTarmac } from '../support/tarmac-cli.js';
import { up } from '../e2e/triage-scenario-kit.js';
import { outcome } from './podman-scenarios.js';
import type { TriageScenario } from './scenario.js';

const FROM_KIND = 'test/e2e/triage-scenarios-kind.test.ts';
const FROM_KIND2 = 'test/e2e/triage-scenarios-kind2.test.ts';
const FROM_KIND3 = 'test/e2e/triage-scenarios-kind3.test.ts';
/** Selector and ServiceAccount never resolve, so the deploy wait ends at this limit. */
const SHORT = { timeouts: { deploy: '12s', heartbeat: '2s' } };

/** Edits the Deployment's pod spec in manifests/app.yaml. */
function editPodSpec(dir: string, edit: (spec: Record<string, unknown>) => void): void {
  const file = join(dir, 'manifests/app.yaml');
  const deployment = parse(readFileSync(file, 'utf8')) as { spec: { template: { spec: Record<string, unknown> } } };
  edit(deployment.spec.template.spec);
  writeFileSync(file, stringify(deployment));
}

/** A scenario whose only setup is a stand-in knob; `up` fails and `top` must be on top. */
function knob(
  name: string,
  from: string,
  prefix: string,
  standin: Record<string, string>,
  expect: { top: string; evidence?: string; minConfidence?: number },
  exit: number | 'nonzero' = 'nonzero',
): TriageScenario {
  return {
    name,
    from,
    exit,
    async run(k) {
      const { dir, standin: env } = k.kind.make(prefix, { standin });
      return outcome(dir, await up(dir, env), expect);
    },
  };
}

const kindConfig = (node: string) =>
  `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n${node}`;

/** The kind workload case the e2e file keeps (wiring): a ServiceAccount no manifest defines. */
export const MISSING_SERVICEACCOUNT: TriageScenario = {
  name: 'missing-serviceaccount',
  from: FROM_KIND3,
  exit: 'nonzero',
  async run(k) {
    const { dir, standin } = k.kind.make('tri-sa', { extra: SHORT });
    editPodSpec(dir, (spec) => (spec.serviceAccountName = 'app-sa'));
    return outcome(dir, await up(dir, standin), {
      top: 'missing-serviceaccount',
      summary: 'ServiceAccount app-sa does not exist',
    });
  },
};

export const KIND_SCENARIOS: TriageScenario[] = [
  {
    name: 'kind-mount-missing',
    from: FROM_KIND,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin } = k.kind.make('tri-mount', {
        kindConfig: kindConfig(
          '  extraMounts:\n  - hostPath: /tmp/tarmac-triage-no-such-coverdata\n    containerPath: /coverdata\n',
        ),
      });
      return outcome(dir, await up(dir, standin), {
        top: 'kind-mount-missing',
        actions: '^mkdir -p /tmp/tarmac-triage-no-such-coverdata\n',
      });
    },
  },
  {
    name: 'host-port-in-use-kind',
    from: FROM_KIND,
    exit: 'nonzero',
    async run(k) {
      const server = createServer();
      k.defer(() => void server.close());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const { dir, standin } = k.kind.make('tri-kport', {
        kindConfig: kindConfig(
          `  extraPortMappings:\n  - containerPort: 30080\n    hostPort: ${port}\n    listenAddress: 127.0.0.1\n`,
        ),
      });
      return outcome(dir, await up(dir, standin), {
        top: 'host-port-in-use',
        summary: `Host port ${port} is already in use`,
      });
    },
  },
  {
    name: 'kind-systemd-boot',
    from: FROM_KIND,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin, cluster } = k.kind.make('tri-boot', {
        standin: { STANDIN_KIND_CREATE_FAIL: 'systemd-timeout', STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1500' },
      });
      return outcome(dir, await up(dir, standin), {
        top: 'kind-systemd-boot',
        actions: `^kind create cluster --name ${cluster} --retain   # keep the node to read its boot log`,
      });
    },
  },
  knob(
    'kind-rootless-delegation',
    FROM_KIND,
    'tri-rootless',
    { STANDIN_KIND_CREATE_FAIL: 'rootless-delegate' },
    {
      top: 'kind-rootless-delegation',
    },
  ),
  knob(
    'kind-load-failed',
    FROM_KIND,
    'tri-ctr',
    { STANDIN_KIND_LOAD: 'ctr-fail' },
    { top: 'kind-load-failed', minConfidence: 0.85 },
    4,
  ),
  {
    name: 'image-pull-failed',
    from: FROM_KIND,
    exit: 4,
    async run(k) {
      const { dir, standin } = k.kind.make('tri-never', {
        container: {
          image: 'localhost/tarmac-no-such-image:1',
          imagePullPolicy: 'Never',
          command: ['/bin/busybox', 'sleep', '600'],
        },
      });
      return outcome(dir, await up(dir, standin), { top: 'image-pull-failed', summary: 'imagePullPolicy: Never' });
    },
  },
  knob(
    'kind-kubeadm-failed',
    FROM_KIND2,
    'tri-kadm',
    { STANDIN_KIND_CREATE_FAIL: 'kubeadm-init' },
    {
      top: 'kind-kubeadm-failed',
      evidence: 'failed to init node with kubeadm',
    },
  ),
  {
    name: 'kind-name-collision',
    from: FROM_KIND2,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin, cluster } = k.kind.make('tri-coll');
      // A failed create outside tarmac, kept with --retain: node containers labelled io.x-k8s.kind.cluster=<name>.
      const left = await execa('kind', ['create', 'cluster', '--name', cluster, '--retain'], {
        env: { ...standin, STANDIN_KIND_CREATE_FAIL: 'kubeadm-init' },
        reject: false,
      });
      if (left.exitCode !== 1) throw new Error(`the leftover cluster was not made: ${left.stderr}`);
      return outcome(dir, await up(dir, standin), {
        top: 'kind-name-collision',
        summary: 'tarmac did not create it',
        evidence: 'CLUSTER_FOREIGN',
      });
    },
  },
  knob(
    'kind-network-conflict',
    FROM_KIND2,
    'tri-net',
    { STANDIN_KIND_CREATE_FAIL: 'network-conflict' },
    {
      top: 'kind-network-conflict',
      evidence: 'failed to ensure podman network|is already used on the host',
    },
  ),
  {
    name: 'kind-node-stopped',
    from: FROM_KIND2,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin, cluster } = k.kind.make('tri-stop', { extra: { test: { command: ['/bin/true'] } } });
      const r = await up(dir, standin);
      if (r.exitCode !== 0) throw new Error(`the first up failed: ${r.all}`);
      await execa('podman', ['stop', '-t', '0', `${cluster}-control-plane`]);
      const t = await runTarmac(['test', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: standin });
      return outcome(dir, t, { top: 'kind-node-stopped', summary: `${cluster}-control-plane` });
    },
  },
  knob(
    'kind-load-snapshotter',
    FROM_KIND2,
    'tri-snap',
    { STANDIN_KIND_LOAD: 'snapshotter' },
    {
      top: 'kind-load-snapshotter',
      evidence: 'failed to detect containerd snapshotter',
    },
  ),
  {
    name: 'missing-config-ref',
    from: FROM_KIND3,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin } = k.kind.make('tri-cfgref', {
        extra: SHORT,
        container: {
          command: ['/bin/busybox', 'sleep', '600'],
          env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-settings', key: 'mode' } } }],
        },
      });
      return outcome(dir, await up(dir, standin), {
        top: 'missing-config-ref',
        summary: '[Cc]onfig[Mm]ap app-settings does not exist',
      });
    },
  },
  MISSING_SERVICEACCOUNT,
  {
    name: 'unschedulable',
    from: FROM_KIND3,
    exit: 'nonzero',
    async run(k) {
      const { dir, standin } = k.kind.make('tri-sched', { extra: SHORT });
      editPodSpec(dir, (spec) => (spec.nodeSelector = { disktype: 'ssd' }));
      return outcome(dir, await up(dir, standin), {
        top: 'unschedulable',
        evidence: "didn't match Pod's node affinity/selector",
      });
    },
  },
];
