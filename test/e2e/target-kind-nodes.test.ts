// The kind target against the stand-ins on real podman: a node container the kind config asks for that is gone is
// noticed and explained (its own cluster, so it runs beside target-kind-lifecycle.test.ts). (No kind binary or API
// server can run here: see test/fixtures/standins/README.md.)
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { context, kindEnv, kindFixture } from './target-kind-kit.js';

const fx = kindFixture('tk-nodes');
const twoNodes = uniqueClusterName('tk-two');
const podman = (args: string[]) => execa('podman', args, { env: fx.base, reject: false });

afterAll(async () => {
  await removeStandinCluster(twoNodes);
  fx.cleanup();
});

describe('kind target: a node container that is gone (stand-ins, real podman)', () => {
  it('notices a worker the kind config asks for is missing, and says so', async () => {
    const config = join(fx.root, 'two-nodes.yaml');
    writeFileSync(
      config,
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: worker\n',
    );
    const twoEnv = kindEnv('tk-two', twoNodes, fx.stateDir, { kindConfig: config });
    const created = fx.target(twoEnv).target;
    const createCtx = context();
    expect((await created.ensure(createCtx)).action).toBe('created');
    // The stand-in reads like kind for a multi-node config, and kubectl reports a stopped worker like a real API.
    expect(createCtx.lines).toContainEqual(expect.stringMatching(/✓ Preparing nodes 📦 📦/));
    expect(createCtx.lines).toContainEqual(expect.stringMatching(/✓ Joining worker nodes 🚜/));
    expect((await podman(['stop', '-t', '0', `${twoNodes}-worker`])).exitCode).toBe(0);
    const kubectl = (args: string[]) =>
      execa('kubectl', args, { env: { ...fx.base, ...created.testEnv() }, reject: false });
    const ready = await kubectl([
      'get',
      'nodes',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status} {end}',
    ]);
    expect(ready.stdout.trim().split(' ')).toEqual([`${twoNodes}-control-plane=True`, `${twoNodes}-worker=Unknown`]);
    const waited = await kubectl(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=1s']);
    expect([waited.exitCode, waited.stderr]).toEqual([
      1,
      `error: timed out waiting for the condition on nodes/${twoNodes}-worker`,
    ]);
    expect((await podman(['rm', '-f', '-t', '0', `${twoNodes}-worker`])).exitCode).toBe(0);
    const { target } = fx.target(twoEnv);
    const status = await target.status();
    expect(status).toMatchObject({
      exists: true,
      healthy: false,
      createdByTarmac: true,
      problems: [`node container ${twoNodes}-worker is missing (the kind config asks for it)`],
    });
    // What ensure() does with it (list the problems, delete, recreate) is the path the stopped-node test above
    // takes; recreating a two-node cluster here would only repeat it at twice the cost.
    expect((await target.down()).removed[0]).toBe(`kind cluster ${twoNodes}`);
  });
});
