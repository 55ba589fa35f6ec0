// Image delivery and deploy on the kind target (stand-ins, real podman): save + load + verify, skip when
// present, a load that lies, bounded retries of a transient failure, then apply and pods as the kubelet reports them.
import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { TarmacError } from '../../src/errors/errors.js';
import type { KubeObject, RenderedGroup } from '../../src/kube/types.js';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { cleanupByLabel, labelArgs } from '../support/podman-env.js';
import { context, kindCalls, kindEnv, kindFixture } from './target-kind-kit.js';

const fx = kindFixture('tk-deliver');
const name = uniqueClusterName('tk-deliver');
const label = `tk-deliver-${name.slice(-6)}`;
const env = kindEnv('tk-deliver', name, fx.stateDir);
const runId = `run-${name.slice(-6)}`;
const image = (tag: string) => `localhost/${label}:${tag}`;
const archivesOfRun = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tarmac-${runId}-`));

/** Builds a tiny labelled image whose content differs per tag. */
async function build(tag: string): Promise<void> {
  const dir = join(fx.root, `ctx-${tag}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\nCOPY f /f\n');
  writeFileSync(join(dir, 'f'), tag);
  const built = await execa(
    'podman',
    ['build', '-q', '--layers=false', '--isolation=chroot', ...labelArgs(label), '-t', image(tag), dir],
    { reject: false },
  );
  expect(built.exitCode, built.stderr).toBe(0);
}

function deployment(app: string, ref: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: app, image: ref, imagePullPolicy: 'Never' }] },
      },
    },
  };
}

/** A Job whose pod runs `ref` once (the stand-in's pods run nothing: a startable one has completed). */
function job(name: string, ref: string): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name, image: ref, imagePullPolicy: 'Never' }] } },
    },
  };
}

function group(objects: KubeObject[]): RenderedGroup {
  return {
    name: 'apps',
    objects: objects.map((object, i) => ({ object, file: 'manifests/apps.yaml', line: i * 10 + 1 })),
    waitFor: objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
      .map((o) => ({ kind: o.kind, name: o.metadata.name })),
    images: [],
  };
}

beforeAll(async () => {
  await Promise.all([build('t1'), build('t2'), build('t3')]);
  const ensured = await fx.target(env, { runId }).target.ensure(context());
  expect(ensured.action).toBe('created');
});

afterAll(async () => {
  await removeStandinCluster(name);
  await cleanupByLabel(label);
  fx.cleanup();
});

describe('kind target: delivery and deploy (stand-ins, real podman)', () => {
  it('saves, loads and verifies an image, then finds it present without loading again', async () => {
    const { target, runner } = fx.target(env, { runId });
    expect(await target.hasImage(image('t1'))).toBe(false);
    const ctx = context();
    expect(await target.deliver(image('t1'), ctx)).toBe('delivered');
    const [load] = kindCalls(runner.calls, 'load', 'image-archive');
    expect(load?.args[2]).toMatch(new RegExp(`^${tmpdir()}/tarmac-${runId}-kind-${name}-[0-9a-f]{8}\\.tar$`));
    expect(load?.args.slice(3)).toEqual(['--name', name]);
    expect(existsSync(load?.args[2] ?? '')).toBe(false);
    expect(await target.hasImage(image('t1'))).toBe(true);
    const again = fx.target(env, { runId });
    expect(await again.target.deliver(image('t1'), context())).toBe('present');
    expect(kindCalls(again.runner.calls, 'load')).toEqual([]);
    expect(again.runner.calls.some((c) => c.args.includes('save'))).toBe(false);
  });

  it("explains a name mismatch: an unqualified ref lands in the node as podman's localhost/ name", async () => {
    const unqualified = `${label}:t1`;
    const error = await fx
      .target(env, { runId })
      .target.deliver(unqualified, context())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'DELIVERY_NOT_VERIFIED',
      details: [`${name}-control-plane: has ${image('t1')} but not ${unqualified}`],
    });
    expect((error as TarmacError).hint).toContain('podman names unqualified builds localhost/NAME');
  });

  it('fails verification when kind load exits 0 but the image never reached the node', async () => {
    const { target, runner } = fx.target(env, { runId, extra: { STANDIN_KIND_LOAD: 'lie' } });
    const error = await target.deliver(image('t2'), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TarmacError);
    expect(error).toMatchObject({
      code: 'DELIVERY_NOT_VERIFIED',
      details: [`${name}-control-plane: no image named ${image('t2')}`],
    });
    expect((error as Error).message).toBe(
      `kind load reported success, but ${image('t2')} is not on kind node(s) ${name}-control-plane of ${name}`,
    );
    expect(kindCalls(runner.calls, 'load', 'image-archive')).toHaveLength(1);
    expect(archivesOfRun()).toEqual([]);
  });

  it('retries a transient in-node import failure a bounded number of times, then reports it', async () => {
    const waits: number[] = [];
    const { target, runner } = fx.target(env, {
      runId,
      extra: { STANDIN_KIND_LOAD: 'ctr-fail' },
      sleep: async (ms) => void waits.push(ms),
    });
    const ctx = context();
    const error = await target.deliver(image('t3'), ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KIND_LOAD_FAILED', transient: true });
    expect((error as Error).message).toMatch(
      /^kind load image-archive of .* failed: ERROR: failed to load image: command ".*ctr --namespace=k8s.io images import/,
    );
    expect(kindCalls(runner.calls, 'load', 'image-archive')).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
    expect(
      ctx.lines.filter((l) => l.startsWith(`delivery of ${image('t3')} failed`)).map((l) => l.replace(/.*; /, '')),
    ).toEqual(['attempt 2/3 in 1000ms', 'attempt 3/3 in 2000ms']);
    expect(archivesOfRun()).toEqual([]);
  });

  it('fails at once, without retrying, for an image the engine does not have', async () => {
    const { target, runner } = fx.target(env, { runId });
    const error = await target.deliver(image('missing'), context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENGINE_COMMAND_FAILED' });
    expect(runner.calls.filter((c) => c.args.includes('save'))).toHaveLength(1);
    expect(kindCalls(runner.calls, 'load')).toEqual([]);
  });

  it('applies a group and reports pods as the kubelet would: delivered image Running, missing one ErrImageNeverPull, a Job completed', async () => {
    // endpoints() runs port-forwards for the tarmac process's lifetime: this test's.
    const lifetime = new AbortController();
    onTestFinished(() => lifetime.abort());
    const { target } = fx.target(env, { runId, lifetime: lifetime.signal });
    const apps = group([deployment('web', image('t1')), deployment('api', image('t2')), job('migrate', image('t1'))]);
    const ctx = context();
    await target.apply(apps, ctx);
    expect(ctx.lines).toEqual([
      'deployment.apps/web created',
      'deployment.apps/api created',
      'job.batch/migrate created',
    ]);
    const pods = await target.pods(apps);
    const web = pods.find((p) => p.owner?.name === 'web');
    const api = pods.find((p) => p.owner?.name === 'api');
    expect(pods).toHaveLength(3);
    expect(pods.find((p) => p.owner?.name === 'migrate')).toMatchObject({
      name: expect.stringMatching(/^migrate-[a-z0-9]{5}$/),
      phase: 'Succeeded',
      owner: { kind: 'Job', name: 'migrate', namespace: 'default' },
      containers: [{ ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    });
    expect(web).toMatchObject({
      phase: 'Running',
      owner: { kind: 'Deployment', name: 'web', namespace: 'default' },
      containers: [{ ready: true, state: { running: {} } }],
    });
    expect(api).toMatchObject({
      phase: 'Pending',
      containers: [{ ready: false, state: { waiting: { reason: 'ErrImageNeverPull' } } }],
    });
    expect(api?.events).toContainEqual({
      type: 'Warning',
      reason: 'ErrImageNeverPull',
      message: `Container image "${image('t2')}" is not present with pull policy of Never`,
    });
    const again = context();
    await target.apply(apps, again);
    expect(again.lines).toEqual([
      'deployment.apps/web unchanged',
      'deployment.apps/api unchanged',
      'job.batch/migrate unchanged',
    ]);
    expect(await target.endpoints()).toEqual({});
  });

  it('reports a kubectl apply error with the manifest it came from', async () => {
    const { target } = fx.target(env, { runId });
    const bad = group([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]);
    const error = await target.apply(bad, context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEPLOY_APPLY_FAILED' });
    expect((error as Error).message).toContain('no matches for kind "Widget" in version "example.com/v1"');
    expect((error as TarmacError).hint).toContain('manifests/apps.yaml');
  });

  it('down deletes the cluster and its kubeconfig', async () => {
    const report = await fx.target(env, { runId }).target.down();
    expect(report.removed[0]).toBe(`kind cluster ${name}`);
    expect(report.keptForeign).toEqual([]);
    expect(
      (await execa('podman', ['ps', '-a', '-q', '--filter', `label=io.x-k8s.kind.cluster=${name}`], { reject: false }))
        .stdout,
    ).toBe('');
  });
});
