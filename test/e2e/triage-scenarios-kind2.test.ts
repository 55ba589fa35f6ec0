// Triage of kind cluster-creation and node failures through the CLI (stand-ins on real podman): each scenario
// produces the failure and checks the rule tops .tarmac/runs/<id>/triage.json. Workload scenarios: -kind3.
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTarmac } from '../support/tarmac-cli.js';
import { kindScenarios, topVerdict } from './triage-kind-kit.js';
import { up } from './triage-scenario-kit.js';

const kit = kindScenarios('triage-kind2');
beforeAll(() => kit.setup());
afterAll(() => kit.cleanup());

describe('triage of kind cluster failures (stand-ins, real podman)', () => {
  it('kubeadm init failing in the control plane (STANDIN_KIND_CREATE_FAIL=kubeadm-init): kind-kubeadm-failed', async () => {
    const { dir, standin } = kit.make('tri-kadm', { standin: { STANDIN_KIND_CREATE_FAIL: 'kubeadm-init' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'kind-kubeadm-failed');
    expect(top.evidence.join('\n')).toMatch(/failed to init node with kubeadm/);
  });

  it('leftover nodes of a cluster with the same name that tarmac did not create: kind-name-collision', async () => {
    const { dir, standin, cluster } = kit.make('tri-coll');
    // A failed create outside tarmac, kept with --retain: node containers labelled io.x-k8s.kind.cluster=<name>.
    const left = await execa('kind', ['create', 'cluster', '--name', cluster, '--retain'], {
      env: { ...standin, STANDIN_KIND_CREATE_FAIL: 'kubeadm-init' },
      reject: false,
    });
    expect(left.exitCode, left.stderr).toBe(1);
    const nodes = await execa('podman', ['ps', '-a', '-q', '--filter', `label=io.x-k8s.kind.cluster=${cluster}`]);
    expect(nodes.stdout.trim()).not.toBe('');
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'kind-name-collision');
    expect(top.summary).toMatch(/tarmac did not create it/);
    expect(top.evidence.join('\n')).toMatch(/CLUSTER_FOREIGN/);
  });

  it("the kind network's subnet already used (STANDIN_KIND_CREATE_FAIL=network-conflict, podman's own error): kind-network-conflict", async () => {
    const { dir, standin } = kit.make('tri-net', { standin: { STANDIN_KIND_CREATE_FAIL: 'network-conflict' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'kind-network-conflict');
    expect(top.evidence.join('\n')).toMatch(/failed to ensure podman network|is already used on the host/);
  });

  it('the node container stopped after a good up, then tarmac test: kind-node-stopped', async () => {
    const { dir, standin, cluster } = kit.make('tri-stop', { extra: { test: { command: ['/bin/true'] } } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).toBe(0);
    await execa('podman', ['stop', '-t', '0', `${cluster}-control-plane`]);
    const t = await runTarmac(['test', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: standin });
    expect(t.exitCode, t.all).not.toBe(0);
    const top = topVerdict(dir, 'kind-node-stopped');
    expect(top.summary).toMatch(new RegExp(`${cluster}-control-plane`));
  });

  it('kind load unable to read the node snapshotter (STANDIN_KIND_LOAD=snapshotter): kind-load-snapshotter', async () => {
    const { dir, standin } = kit.make('tri-snap', { standin: { STANDIN_KIND_LOAD: 'snapshotter' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'kind-load-snapshotter');
    expect(top.evidence.join('\n')).toMatch(/failed to detect containerd snapshotter/);
  });
});
