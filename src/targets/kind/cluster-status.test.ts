// status() over a fake process boundary: what it asks kind, podman and kubectl, and when it refreshes the private
// kubeconfig (outputs as the kind/kubectl stand-ins and podman 4.3.1 print them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { kubeconfigNodeFile } from './cluster-status.js';
import { e2eNode, fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';
import { kubeconfigPath } from './paths.js';

const root = mkdtempSync(join(tmpdir(), 'cluster-status-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A running one-node cluster whose node id and API port the test changes; /readyz answers on `port` only. */
function cluster() {
  const world = { id: 'a1b2c3', port: 40001, apiUp: true, exports: 0 };
  const answer = (call: FakeCall): FakeAnswer => {
    const line = [call.cmd, ...call.args].join(' ');
    if (line.startsWith('podman ps -a')) return { stdout: JSON.stringify([{ ...e2eNode('running'), Id: world.id }]) };
    if (line.startsWith('kind get kubeconfig')) {
      world.exports += 1;
      return { stdout: `apiVersion: v1\nclusters:\n- cluster:\n    server: http://127.0.0.1:${world.port}` };
    }
    if (line.endsWith('get --raw /readyz')) {
      const kubeconfig = readFileSync(call.args[call.args.indexOf('--kubeconfig') + 1]!, 'utf8');
      return world.apiUp && kubeconfig.includes(`:${world.port}`)
        ? { stdout: 'ok' }
        : { exitCode: 1, stderr: `The connection to the server 127.0.0.1:${world.port - 1} was refused` };
    }
    return { exitCode: 1, stderr: `unexpected call: ${line}` };
  };
  return { world, answer };
}

function setup(name: string) {
  const env = kindTestEnv(join(root, name));
  const { world, answer } = cluster();
  const { kind, runner } = fakeKindTarget(env, answer);
  return { kind, runner, world, kubeconfig: kubeconfigPath(env.stateDir, 'e2e') };
}

describe('kind status()', () => {
  it('never asks `kind get clusters`: the engine listing of the cluster label answers it', async () => {
    const { kind, runner } = setup('listed');
    expect((await kind.status()).healthy).toBe(true);
    expect(runner.calls.some((c) => c.cmd === 'kind' && c.args.join(' ') === 'get clusters')).toBe(false);
  });

  it('exports the kubeconfig once per API node container, then reuses it', async () => {
    const { kind, world, kubeconfig } = setup('kept');
    expect((await kind.status()).healthy).toBe(true);
    expect(readFileSync(kubeconfigNodeFile(kubeconfig), 'utf8').trim()).toBe('a1b2c3');
    expect((await kind.status()).healthy).toBe(true);
    expect(world.exports).toBe(1);
  });

  it('exports again for a new node container (a recreated cluster)', async () => {
    const { kind, world } = setup('recreated');
    await kind.status();
    Object.assign(world, { id: 'd4e5f6', port: 40002 });
    expect((await kind.status()).healthy).toBe(true);
    expect(world.exports).toBe(2);
  });

  it('refreshes a kept kubeconfig that gets no ok and asks again when kind says otherwise', async () => {
    const { kind, world } = setup('moved');
    await kind.status();
    world.port = 40003;
    expect((await kind.status()).healthy).toBe(true);
    expect(world.exports).toBe(2);
  });

  it('reports the failure once when kind gives the same kubeconfig again (no second ask)', async () => {
    const { kind, world, runner } = setup('down');
    await kind.status();
    world.apiUp = false;
    const readyz = () => runner.calls.filter((c) => c.args.includes('/readyz')).length;
    const before = readyz();
    const state = await kind.status();
    expect(state.healthy).toBe(false);
    expect(state.problems.join('\n')).toContain('API server does not answer /readyz');
    expect(world.exports).toBe(2);
    expect(readyz() - before).toBe(1);
  });
});
