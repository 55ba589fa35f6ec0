// The kind target against the stand-ins on real podman, through its API and through `tarmac up`/`down` on one
// cluster: create, reuse when healthy, deliver and deploy the example, the Services'
// endpoints through supervised port-forwards, recreate when a node container is not running (then every image is
// loaded again), refusing to recreate a foreign cluster, another checkout's up and down of the same cluster name,
// and down. (`cluster.reuse: never` takes the same delete-and-create path: src/targets/kind/ensure-cluster.test.ts.
// A second `up` that redelivers and re-applies nothing: test/e2e/example-full-kind.test.ts.)
// (No kind binary or API server can run here: see test/fixtures/standins/README.md.)
import { execa } from 'execa';
import { cpSync, existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { TarmacError } from '../../src/errors/errors.js';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { finalStates, readJournal } from '../support/journal-checks.js';
import { copySharedExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { context, forwardPids, kindCalls, kindEnv, kindFixture, localBackend } from './target-kind-kit.js';

const fx = kindFixture('tk-life');
const name = uniqueClusterName('tk-life');
const envName = uniqueEnvName('tk-life');
const foreign = `${name}-foreign`;
const node = `${name}-control-plane`;
const kindConfig = join(fx.root, 'kind-config.yaml');
writeFileSync(kindConfig, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n');
const env = kindEnv(envName, name, fx.stateDir, { kindConfig });
// The same env as a project for the CLI: the example (shared images) in the dir whose .tarmac is fx.stateDir.
const projectFile = join(fx.stateDir, '..', 'tarmac.yaml');
const copy = copySharedExample(envName, (config) => {
  config.cluster = { target: 'kind', name, kindConfig };
});
cpSync(copy, join(fx.stateDir, '..'), { recursive: true });
rmSync(copy, { recursive: true, force: true });
/** `tarmac up --no-test` on the project; returns its stderr and the final state of each step. */
const up = async () => {
  const r = await runTarmac(['up', '--no-test', '-f', projectFile, '--json'], { env: fx.base });
  expect(r.exitCode, r.all).toBe(0);
  return { r, states: finalStates(readJournal((JSON.parse(r.stdout) as { journal: string }).journal)) };
};
const images = ['datastorage', 'holmesgpt-api', 'aianalysis'];
// A whole `tarmac up` (deliveries into the node, a deploy, maybe a new cluster): generous, so that a loaded
// machine still finishes it; what is checked is the steps' states, never how fast they were.
const CLI_TIMEOUT_MS = 300_000;
const kubeconfig = join(fx.stateDir, 'kube', `${name}.kubeconfig`);
const podman = (args: string[]) => execa('podman', args, { env: fx.base, reject: false });
const nodeId = async () => (await podman(['inspect', '--format', '{{.Id}}', node])).stdout.trim();
const clusters = async () =>
  (await execa('kind', ['get', 'clusters'], { env: fx.base, reject: false })).stdout.split('\n');

afterAll(async () => {
  await removeStandinCluster(name);
  await removeStandinCluster(foreign);
  await runTarmac(['down', '-f', projectFile], { env: fx.base });
  fx.cleanup();
});

describe('kind target lifecycle (stand-ins, real podman)', () => {
  it('creates the cluster from the kind config on the detected engine, with a private kubeconfig', async () => {
    const { target, runner } = fx.target(env);
    expect(await target.status()).toMatchObject({ exists: false, healthy: false, createdByTarmac: false });
    const ctx = context();
    const result = await target.ensure(ctx);
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
      expect.objectContaining({ name, env: envName, state: 'ready', runId: 'test-run', nodeIds: [await nodeId()] }),
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
    const result = await target.ensure(context());
    // Reuse is cheap because nothing is created or deleted (checked by calls, not by a clock).
    expect(result).toEqual({ action: 'reused', reason: 'healthy: 1 node running, /readyz ok' });
    expect(kindCalls(runner.calls, 'create')).toEqual([]);
    expect(kindCalls(runner.calls, 'delete')).toEqual([]);
    expect(await nodeId()).toBe(idBefore);
  });

  it("another checkout's up of the same cluster name stops with exit 3 naming this one; its down leaves it", async () => {
    // A second checkout: its own project dir and state, the same env and cluster name.
    const other = kindFixture('tk-life-b');
    const archive = join(tmpdir(), `tarmac-inflight-kind-${name}-0123abcd.tar`);
    writeFileSync(archive, '');
    try {
      const otherEnv = kindEnv(envName, name, other.stateDir);
      const { target, runner } = other.target(otherEnv);
      const refused = await target.ensure(context()).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'ENV_OTHER_CHECKOUT', exitCode: 3 });
      expect((refused as TarmacError).message).toBe(
        `env ${envName} is up from the checkout of ${realpathSync(projectFile)}: kind cluster ${name} belongs to it, not to ${otherEnv.file}`,
      );
      const report = await target.down();
      expect(report.keptForeign).toEqual([`kind cluster ${name} (tarmac did not create it)`]);
      // Only its own private kubeconfig (status wrote it) goes; the cluster and its delivery archives stay.
      expect(report.removed).toEqual([join(other.stateDir, 'kube', `${name}.kubeconfig`)]);
      expect(kindCalls(runner.calls, 'delete')).toEqual([]);
      expect(existsSync(archive)).toBe(true);
    } finally {
      rmSync(archive, { force: true });
      other.cleanup();
    }
  });

  it(
    'tarmac up reuses the healthy cluster, loads each image, deploys and waits until ready',
    async () => {
      const { states } = await up();
      expect(states.cluster).toBe('cached');
      for (const image of images) expect(states[`deliver:${image}`], image).toBe('succeeded');
      expect(states['deploy:apps']).toBe('succeeded');
    },
    CLI_TIMEOUT_MS,
  );

  it('endpoints: one supervised kubectl port-forward per Service, a dropped one restarted on its kept port, status lists them, all stop with tarmac', async () => {
    // The stand-in's pods run no containers: its port-forward hands each connection to the real server named here.
    const backend = await localBackend('datastorage backend');
    const extra = { STANDIN_KUBECTL_POD_BACKENDS: JSON.stringify({ 'default/datastorage:8080': backend.address }) };
    const lifetime = new AbortController();
    const notes: string[] = [];
    onTestFinished(() => (lifetime.abort(), backend.close()));
    const { target } = fx.target(env, { extra, lifetime: lifetime.signal, notify: (l) => notes.push(l) });
    const endpoints = await target.endpoints();
    expect(Object.keys(endpoints).sort()).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    const url = endpoints.datastorage ?? '';
    const text = async (u: string) => (await fetch(u)).text();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await text(url)).toBe('datastorage backend');

    const [pid] = await forwardPids(kubeconfig, 'svc/datastorage');
    process.kill(Number(pid), 'SIGKILL');
    const port = url.split(':').at(-1) ?? '';
    const restarted = `port-forward svc/datastorage -n default 8080 restarted on 127.0.0.1:${port}`;
    await waitFor('the forward to be restarted', () => (notes.includes(restarted) ? true : undefined));
    expect(notes[0]).toMatch(
      /^port-forward svc\/datastorage -n default 8080 \(127\.0\.0\.1:\d+\) dropped: .*; restarting$/,
    );
    expect(await text(url)).toBe('datastorage backend');
    lifetime.abort();
    const stopped = async () => ((await forwardPids(kubeconfig, 'port-forward')).length === 0 ? true : undefined);
    await waitFor('the forwards to stop', stopped);

    // Another tarmac process: the same kept port, listed by status, and no forward left once it exits.
    const status = await runTarmac(['status', '-f', projectFile], { env: { ...fx.base, ...extra } });
    expect(status.exitCode, status.all).toBe(0);
    expect(status.stdout).toContain(
      `datastorage: ${url} (kubectl port-forward svc/datastorage -n default 8080, forwarding)`,
    );
    expect(await forwardPids(kubeconfig, 'port-forward')).toEqual([]);
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

  it(
    'tarmac up after the recreation loads every image again: a new cluster has an empty image store',
    async () => {
      const { states } = await up();
      expect(states.cluster).toBe('cached');
      for (const image of images) expect(states[`deliver:${image}`], image).toBe('succeeded');
      expect(states['deploy:apps']).toBe('succeeded');
    },
    CLI_TIMEOUT_MS,
  );

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

  it('tarmac down deletes only the cluster tarmac created; the foreign one with a similar name survives', async () => {
    const r = await runTarmac(['down', '-f', projectFile], { env: fx.base });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`removed .*${name}`));
    const left = await clusters();
    expect(left).not.toContain(name);
    expect(left).toContain(foreign);
    expect(existsSync(kubeconfig)).toBe(false);
    expect(JSON.parse(readFileSync(join(fx.stateDir, 'clusters.json'), 'utf8')).clusters).toEqual([]);
    expect(await fx.target(env).target.status()).toMatchObject({ exists: false, createdByTarmac: false });
  });
});
