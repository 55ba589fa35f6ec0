// ensure()'s policy over a fake process boundary: the outputs are those the kind/kubectl stand-ins and
// podman 4.3.1 print for a cluster whose only node container has exited.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from '../../config/types.js';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { ClusterRecords } from './cluster-record.js';
import { e2eNode, fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';

const root = mkdtempSync(join(tmpdir(), 'ensure-cluster-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NODE = e2eNode('exited');
const REFUSED = 'The connection to the server 127.0.0.1:40123 was refused - did you specify the right host or port?';

/** Answers like a machine with one kind cluster `e2e` whose node container has exited. */
function brokenCluster(call: FakeCall): FakeAnswer {
  const line = [call.cmd, ...call.args].join(' ');
  if (line === 'kind get clusters') return { stdout: 'e2e\nother' };
  if (line.startsWith('podman ps -a')) return { stdout: JSON.stringify([NODE]) };
  if (call.cmd === 'kubectl') return { exitCode: 1, stderr: REFUSED };
  return { exitCode: 1, stderr: `unexpected call: ${line}` };
}

function env(stateDir: string, reuse: 'healthy' | 'never' = 'healthy'): Env {
  return { ...kindTestEnv(root, { reuse }), stateDir, historyPath: join(stateDir, 'history.db') };
}

function target(stateDir: string, answer = brokenCluster, reuse: 'healthy' | 'never' = 'healthy') {
  return fakeKindTarget(env(stateDir, reuse), answer);
}

describe('kind ensure(): a broken cluster', () => {
  it('lists the problems one per line', async () => {
    const { kind } = target(join(root, 'status', '.tarmac'));
    expect(await kind.status()).toEqual({
      exists: true,
      healthy: false,
      problems: [
        'node container e2e-control-plane is exited',
        'API server not checked: no kubeconfig (no running control-plane node to read it from)',
      ],
      nodes: [{ name: 'e2e-control-plane', state: 'exited' }],
      createdByTarmac: false,
    });
  });

  it('refuses to delete it when tarmac did not create it, and says how to proceed', async () => {
    const { kind, runner } = target(join(root, 'foreign', '.tarmac'));
    await expect(kind.ensure({ signal: new AbortController().signal, output: () => undefined })).rejects.toMatchObject({
      code: 'CLUSTER_FOREIGN',
      exitCode: 3,
      message:
        'kind cluster e2e must be recreated (not healthy: node container e2e-control-plane is exited; API server not checked: no kubeconfig (no running control-plane node to read it from)), but tarmac did not create it, so it will not delete it',
      hint: expect.stringContaining('kind delete cluster --name e2e'),
    });
    expect(runner.calls.some((c) => c.cmd === 'kind' && c.args[0] === 'delete')).toBe(false);
  });

  it('counts a recorded cluster as foreign once its node containers are not the recorded ones', async () => {
    const stateDir = join(root, 'recreated', '.tarmac');
    await new ClusterRecords(stateDir).put({
      name: 'e2e',
      env: 'e',
      state: 'ready',
      createdAt: '2026-01-01T00:00:00Z',
      runId: 'old',
      tarmacVersion: '0.0.0',
      nodeIds: ['ffff'],
    });
    const { kind } = target(stateDir);
    expect((await kind.status()).createdByTarmac).toBe(false);
    expect(await kind.down()).toEqual({
      removed: [],
      keptForeign: ['kind cluster e2e (its node containers are not the ones tarmac created: someone recreated it)'],
    });
    expect(await new ClusterRecords(stateDir).list()).toEqual([]);
  });
});

/**
 * A healthy one-node cluster `e2e` as kind, kubectl and podman answer for it: delete removes its node container,
 * create starts a new one (a new id) and writes the kubeconfig where `--kubeconfig` points.
 */
function healthyCluster(): (call: FakeCall) => FakeAnswer {
  let nodeIds = ['a1b2c3'];
  return (call) => {
    const line = [call.cmd, ...call.args].join(' ');
    if (line === 'kind get clusters') return { stdout: nodeIds.length > 0 ? 'e2e' : '' };
    if (line.startsWith('podman ps -a'))
      return { stdout: JSON.stringify(nodeIds.map((Id) => ({ ...NODE, Id, State: 'running' }))) };
    if (line.startsWith('kind get kubeconfig')) return { stdout: 'apiVersion: v1\nkind: Config' };
    if (line.startsWith('kind delete cluster')) {
      nodeIds = [];
      return { stderr: 'Deleting cluster "e2e" ...\nDeleted nodes: ["e2e-control-plane"]' };
    }
    if (line.startsWith('kind create cluster')) {
      writeFileSync(call.args[call.args.indexOf('--kubeconfig') + 1]!, 'apiVersion: v1\nkind: Config\n');
      nodeIds = ['d4e5f6'];
      return { stderr: 'Creating cluster "e2e" ...\n ✓ Ensuring node image (kindest/node:v1.34.0) 🖼' };
    }
    if (call.cmd === 'kubectl' && call.args.includes('wait')) return { stdout: 'node/e2e-control-plane condition met' };
    if (line.endsWith('get --raw /readyz')) return { stdout: 'ok' };
    // The owner marker (owner-marker.ts) applied to the new cluster.
    if (call.cmd === 'kubectl' && call.args.includes('apply')) return { stdout: 'configmap/tarmac-owner created' };
    return { exitCode: 1, stderr: `unexpected call: ${line}` };
  };
}

describe('kind ensure(): cluster.reuse is never', () => {
  it('deletes and recreates a healthy cluster tarmac created, and says why', async () => {
    const stateDir = join(root, 'never', '.tarmac');
    await new ClusterRecords(stateDir).put({
      name: 'e2e',
      env: 'e',
      state: 'ready',
      createdAt: '2026-01-01T00:00:00Z',
      runId: 'old',
      tarmacVersion: '0.0.0',
      nodeIds: ['a1b2c3'],
    });
    const { kind, runner } = target(stateDir, healthyCluster(), 'never');
    const lines: string[] = [];
    const result = await kind.ensure({ signal: new AbortController().signal, output: (l) => lines.push(l) });
    expect(result).toEqual({
      action: 'recreated',
      reason: 'cluster.reuse is never: recreated (1 node Ready, /readyz ok)',
    });
    expect(lines[0]).toBe('kind cluster e2e exists and cluster.reuse is never: deleting and recreating it');
    const kindCalls = runner.calls.filter((c) => c.cmd === 'kind').map((c) => c.args.slice(0, 2).join(' '));
    expect(kindCalls.filter((c) => c !== 'get clusters' && c !== 'get kubeconfig')).toEqual([
      'delete cluster',
      'create cluster',
    ]);
    expect((await new ClusterRecords(stateDir).get('e2e'))?.nodeIds).toEqual(['d4e5f6']);
    expect(runner.calls.filter((c) => c.cmd === 'kubectl' && c.args.includes('apply'))).toHaveLength(1);
  });
});
