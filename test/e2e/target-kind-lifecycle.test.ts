// The kind target against the stand-ins on real podman: create, reuse when healthy, recreate when a node
// container is not running, reuse: never, refusing to recreate a foreign cluster, and down.
import { execa } from 'execa';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../../src/errors/errors.js';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { context, kindCalls, kindEnv, kindFixture } from './target-kind-kit.js';

const fx = kindFixture('tk-life');
const name = uniqueClusterName('tk-life');
const foreign = `${name}-foreign`;
const node = `${name}-control-plane`;
const kindConfig = join(fx.root, 'kind-config.yaml');
writeFileSync(kindConfig, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n');
const env = kindEnv('tk-life', name, fx.stateDir, { kindConfig });
const kubeconfig = join(fx.stateDir, 'kube', `${name}.kubeconfig`);
const podman = (args: string[]) => execa('podman', args, { env: fx.base, reject: false });
const nodeId = async () => (await podman(['inspect', '--format', '{{.Id}}', node])).stdout.trim();
const clusters = async () =>
  (await execa('kind', ['get', 'clusters'], { env: fx.base, reject: false })).stdout.split('\n');
let createMs = 0;

const twoNodes = `${name}-two`;

afterAll(async () => {
  await removeStandinCluster(name);
  await removeStandinCluster(foreign);
  await removeStandinCluster(twoNodes);
  fx.cleanup();
});

describe('kind target lifecycle (stand-ins, real podman)', () => {
  it('creates the cluster from the kind config on the detected engine, with a private kubeconfig', async () => {
    const { target, runner } = fx.target(env);
    expect(await target.status()).toMatchObject({ exists: false, healthy: false, createdByTarmac: false });
    const ctx = context();
    const started = performance.now();
    const result = await target.ensure(ctx);
    createMs = performance.now() - started;
    expect(result).toEqual({ action: 'created', reason: `did not exist; created (1 node Ready, /readyz ok)` });
    const [create] = kindCalls(runner.calls, 'create', 'cluster');
    expect(create?.args).toEqual([
      'create',
      'cluster',
      '--name',
      name,
      '--kubeconfig',
      kubeconfig,
      '--retain',
      '--config',
      kindConfig,
    ]);
    expect(create?.env).toMatchObject({ KIND_EXPERIMENTAL_PROVIDER: 'podman', KUBECONFIG: kubeconfig });
    expect(ctx.lines).toContain(`Creating cluster "${name}" ...`);
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    expect(statSync(join(fx.stateDir, 'kube')).mode & 0o777).toBe(0o700);
    expect(existsSync(join(fx.home, '.kube', 'config'))).toBe(false);
    const record = JSON.parse(readFileSync(join(fx.stateDir, 'clusters.json'), 'utf8'));
    expect(record.clusters).toEqual([
      expect.objectContaining({ name, env: 'tk-life', state: 'ready', runId: 'test-run', nodeIds: [await nodeId()] }),
    ]);
    expect(await target.status()).toEqual({
      exists: true,
      healthy: true,
      problems: [],
      nodes: [{ name: node, state: 'running' }],
      createdByTarmac: true,
    });
    expect(target.testEnv()).toEqual({ KUBECONFIG: kubeconfig });
  });

  it('reuses the healthy cluster without calling kind create', async () => {
    const { target, runner } = fx.target(env);
    const idBefore = await nodeId();
    const started = performance.now();
    const result = await target.ensure(context());
    expect(result).toEqual({ action: 'reused', reason: 'healthy: 1 node running, /readyz ok' });
    expect(performance.now() - started).toBeLessThan(createMs);
    expect(kindCalls(runner.calls, 'create')).toEqual([]);
    expect(kindCalls(runner.calls, 'delete')).toEqual([]);
    expect(await nodeId()).toBe(idBefore);
  });

  it('explains, deletes and recreates a cluster whose node container is not running (the seed state)', async () => {
    expect((await podman(['stop', '-t', '0', node])).exitCode).toBe(0);
    const { target, runner } = fx.target(env);
    const broken = await target.status();
    expect(broken).toMatchObject({
      exists: true,
      healthy: false,
      createdByTarmac: true,
      nodes: [{ name: node, state: 'exited' }],
    });
    expect(broken.problems[0]).toBe(`node container ${node} is exited`);
    expect(broken.problems[1]).toMatch(
      /^API server does not answer \/readyz: The connection to the server 127\.0\.0\.1:\d+ was refused/,
    );
    const idBefore = await nodeId();
    const ctx = context();
    const result = await target.ensure(ctx);
    expect(result.action).toBe('recreated');
    expect(result.reason).toMatch(
      new RegExp(
        `^not healthy: node container ${node} is exited; API server does not answer /readyz: .*: recreated \\(1 node Ready, /readyz ok\\)$`,
      ),
    );
    expect(ctx.lines.slice(0, 4)).toEqual([
      `kind cluster ${name} is not healthy:`,
      `  - node container ${node} is exited`,
      expect.stringMatching(/^ {2}- API server does not answer/),
      'deleting and recreating it',
    ]);
    expect(kindCalls(runner.calls, 'delete', 'cluster')[0]?.args).toEqual([
      'delete',
      'cluster',
      '--name',
      name,
      '--kubeconfig',
      kubeconfig,
    ]);
    expect(await nodeId()).not.toBe(idBefore);
    expect((await target.status()).healthy).toBe(true);
  });

  it('recreates a healthy cluster when cluster.reuse is never', async () => {
    const { target } = fx.target(kindEnv('tk-life', name, fx.stateDir, { kindConfig, reuse: 'never' }));
    const idBefore = await nodeId();
    const result = await target.ensure(context());
    expect(result).toEqual({
      action: 'recreated',
      reason: 'cluster.reuse is never: recreated (1 node Ready, /readyz ok)',
    });
    expect(await nodeId()).not.toBe(idBefore);
  });

  it('refuses to recreate a cluster tarmac did not create, but reuses it while healthy', async () => {
    const made = await execa('kind', ['create', 'cluster', '--name', foreign], { env: fx.base, reject: false });
    expect(made.exitCode, made.stderr).toBe(0);
    const foreignEnv = kindEnv('tk-other', foreign, fx.stateDir, { reuse: 'never' });
    const refused = await fx
      .target(foreignEnv)
      .target.ensure(context())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TarmacError);
    expect(refused).toMatchObject({ code: 'CLUSTER_FOREIGN', exitCode: 3 });
    expect((refused as TarmacError).message).toContain(
      `kind cluster ${foreign} must be recreated (cluster.reuse is never), but tarmac did not create it`,
    );
    expect((refused as TarmacError).hint).toContain(`kind delete cluster --name ${foreign}`);
    expect(await clusters()).toContain(foreign);
    const reused = await fx
      .target({ ...foreignEnv, cluster: { ...foreignEnv.cluster, reuse: 'healthy' } })
      .target.ensure(context());
    expect(reused.action).toBe('reused');
    const report = await fx.target(foreignEnv).target.down();
    expect(report.removed.filter((r) => r.includes('kind cluster'))).toEqual([]);
    expect(report.keptForeign).toEqual([`kind cluster ${foreign} (tarmac did not create it)`]);
    expect(await clusters()).toContain(foreign);
  });

  it('down deletes only the cluster tarmac created; the foreign one with a similar name survives', async () => {
    const { target } = fx.target(env);
    const report = await target.down();
    expect(report.removed).toEqual([`kind cluster ${name}`]);
    expect(report.keptForeign).toEqual([]);
    const left = await clusters();
    expect(left).not.toContain(name);
    expect(left).toContain(foreign);
    expect(existsSync(kubeconfig)).toBe(false);
    expect(JSON.parse(readFileSync(join(fx.stateDir, 'clusters.json'), 'utf8')).clusters).toEqual([]);
    expect(await target.status()).toMatchObject({ exists: false, createdByTarmac: false });
  });
});

describe('kind target: a node container that is gone (stand-ins, real podman)', () => {
  it('notices a worker the kind config asks for is missing, explains it and recreates the cluster', async () => {
    const config = join(fx.root, 'two-nodes.yaml');
    writeFileSync(
      config,
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: worker\n',
    );
    const twoEnv = kindEnv('tk-two', twoNodes, fx.stateDir, { kindConfig: config });
    expect((await fx.target(twoEnv).target.ensure(context())).action).toBe('created');
    expect((await podman(['rm', '-f', '-t', '0', `${twoNodes}-worker`])).exitCode).toBe(0);
    const { target } = fx.target(twoEnv);
    const status = await target.status();
    expect(status).toMatchObject({
      exists: true,
      healthy: false,
      createdByTarmac: true,
      problems: [`node container ${twoNodes}-worker is missing (the kind config asks for it)`],
    });
    const ctx = context();
    const result = await target.ensure(ctx);
    expect(result.action).toBe('recreated');
    expect(ctx.lines).toContain(`  - node container ${twoNodes}-worker is missing (the kind config asks for it)`);
    expect((await target.status()).nodes).toEqual([
      { name: `${twoNodes}-control-plane`, state: 'running' },
      { name: `${twoNodes}-worker`, state: 'running' },
    ]);
    expect((await target.down()).removed[0]).toBe(`kind cluster ${twoNodes}`);
  });
});
