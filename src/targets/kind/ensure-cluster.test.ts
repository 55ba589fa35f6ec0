// ensure()'s policy over a fake process boundary: the outputs are those the kind/kubectl stand-ins and
// podman 4.3.1 print for a cluster whose only node container has exited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from '../../config/types.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import { ClusterRecords } from './cluster-record.js';
import { createKindTarget } from './kind-target.js';

const root = mkdtempSync(join(tmpdir(), 'ensure-cluster-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NODE = {
  Id: 'a1b2c3',
  Names: ['e2e-control-plane'],
  State: 'exited',
  Image: 'localhost/tarmac-standin-node:x',
  Labels: { 'io.x-k8s.kind.cluster': 'e2e', 'io.x-k8s.kind.role': 'control-plane' },
};
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
  return {
    name: 'e',
    file: join(root, 'tarmac.yaml'),
    dir: root,
    stateDir,
    historyPath: join(stateDir, 'history.db'),
    engine: { type: 'podman' },
    images: [],
    deploy: [],
    capacity: 1,
    cluster: { target: 'kind', name: 'e2e', reuse },
    timeouts: { build: 1, cluster: 1, deliver: 1, deploy: 1, test: 1, stall: 1, heartbeat: 1, engineRecovery: 1 },
  };
}

function target(stateDir: string) {
  const runner = fakeRunner(brokenCluster);
  const kind = createKindTarget({
    env: env(stateDir),
    runner,
    engine: createPodmanEngine(runner),
    stateDir,
    runId: 'r',
    createTimeoutMs: 1000,
    tarmacVersion: '0.0.0-test',
  });
  return { kind, runner };
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
