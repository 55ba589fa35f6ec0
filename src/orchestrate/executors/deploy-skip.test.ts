import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { podFixture } from '../../../test/fixtures/kube/load.js';
import { renderGroup } from '../../kube/render.js';
import type { DeployGroupSpec } from '../../config/types.js';
import type { KubeObject, PodView, RenderedGroup } from '../../kube/types.js';
import type { Step } from '../../plan/types.js';
import type { ClusterTarget } from '../../targets/types.js';
import { clearEnvState } from '../env-state.js';
import { applyKey, lastAppliedKey, recordHooksDone } from './deploy-record.js';
import { deployGroup, type DeployRecords } from './target-steps.js';

const deployment = (name: string, image: string, env = 'a'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name, image, env: [{ name: 'X', value: env }] }] } } },
});
const render = (name: string, objects: KubeObject[], ref = 'localhost/api:tm-1'): RenderedGroup =>
  renderGroup(
    name,
    objects.map((object) => ({ object, file: `${name}.yaml`, line: 1 })),
    new Map([['api', ref]]),
    { pullPolicy: 'Never' },
  );
const pod = (fixture: string): PodView => ({
  ...podFixture(fixture),
  name: 'api-1',
  owner: { kind: 'Deployment', name: 'api' },
});

/** A target whose pods are `state.pods` (an apply makes them ready again); counts applies and pod listings. */
function fakeTarget(type: ClusterTarget['type'] = 'podman') {
  const state = { pods: [pod('running-ready')], applies: 0, listings: 0, listError: undefined as Error | undefined };
  const target = {
    type,
    name: 'env-e2e',
    apply: () => {
      state.applies++;
      state.pods = [pod('running-ready')];
      state.listError = undefined;
      return Promise.resolve();
    },
    pods: () => {
      state.listings++;
      return state.listError ? Promise.reject(state.listError) : Promise.resolve(state.pods);
    },
  } as unknown as ClusterTarget;
  return { target, state };
}

const step = { id: 'deploy:apps', subject: 'apps', timeoutMs: 60_000 } as Step;
const dirs: string[] = [];
function records(): DeployRecords {
  const stateDir = mkdtempSync(join(tmpdir(), 'tarmac-deploy-skip-'));
  dirs.push(stateDir);
  return { stateDir, runId: 'run-1' };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function deploy(
  target: ClusterTarget,
  group: RenderedGroup,
  rec?: DeployRecords,
  env?: RenderedGroup[],
  hooks?: DeployGroupSpec['hooks'],
) {
  const lines: string[] = [];
  const ctx = { signal: new AbortController().signal, output: (l: string) => void lines.push(l) } as never;
  const result = await deployGroup(target, group, step, ctx, env ?? [group], rec, hooks);
  return { result, lines };
}

describe('deploy step skip', () => {
  it("waits with a first poll that may share apply's own listing, then reads live", async () => {
    const { target } = fakeTarget();
    const reads: unknown[] = [];
    // No pod at the first poll (as just after a play that has not started it), ready at the second.
    target.pods = (_group, _signal, read) => {
      reads.push(read);
      return Promise.resolve(reads.length === 1 ? [] : [pod('running-ready')]);
    };
    expect((await deploy(target, render('apps', [deployment('api', 'api')]))).result.state).toBe('succeeded');
    expect(reads).toEqual(['shared', 'live']);
  });

  it('applies the first time, then is cached with one pod listing while manifests and readiness hold', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const group = render('apps', [deployment('api', 'api')]);
    expect((await deploy(target, group, rec)).result.state).toBe('succeeded');
    expect(state.applies).toBe(1);
    expect(lastAppliedKey(rec.stateDir, 'apps')).toBe(applyKey(target, group, [group]));
    state.listings = 0;
    const second = await deploy(target, group, rec);
    expect(second.result).toEqual({ state: 'cached', detail: 'manifests as last applied, 1 workload(s) ready' });
    expect(state.applies).toBe(1);
    expect(state.listings).toBe(1);
  });

  it('applies again when a manifest changed', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    await deploy(target, render('apps', [deployment('api', 'api')]), rec);
    const changed = await deploy(target, render('apps', [deployment('api', 'api', 'b')]), rec);
    expect(changed.result.state).toBe('succeeded');
    expect(state.applies).toBe(2);
  });

  it('applies again when an image reference changed (a rebuilt image)', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    await deploy(target, render('apps', [deployment('api', 'api')]), rec);
    await deploy(target, render('apps', [deployment('api', 'api')], 'localhost/api:tm-2'), rec);
    expect(state.applies).toBe(2);
  });

  it('applies again when a pod is not ready, and says why', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const group = render('apps', [deployment('api', 'api')]);
    await deploy(target, group, rec);
    state.pods = [pod('crashloop')];
    const again = await deploy(target, group, rec);
    expect(again.result.state).toBe('succeeded');
    expect(again.lines[0]).toMatch(
      /^manifests as last applied, but Deployment\/api is not ready \(CrashLoopBackOff\): applying again$/,
    );
    expect(state.applies).toBe(2);
  });

  it('applies again when the pods are gone or cannot be listed', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const group = render('apps', [deployment('api', 'api')]);
    await deploy(target, group, rec);
    state.pods = [];
    expect((await deploy(target, group, rec)).lines[0]).toMatch(/Deployment\/api is not ready/);
    state.listError = new Error('podman: server probably quit');
    const { result, lines } = await deploy(target, group, rec);
    expect(result.state).toBe('succeeded');
    expect(lines[0]).toMatch(/^manifests as last applied, but its pods could not be listed .*: applying again$/);
    expect(state.applies).toBe(3);
  });

  it('on podman, applies again when another group changed its config, not when it changed an image', async () => {
    const { target, state } = fakeTarget('podman');
    const rec = records();
    const apps = render('apps', [deployment('api', 'api')]);
    const config = (value: string, ref = 'localhost/api:tm-1') =>
      render('data', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: value } }], ref);
    await deploy(target, apps, rec, [apps, config('1')]);
    await deploy(target, apps, rec, [apps, config('1')]);
    expect(state.applies).toBe(1);
    await deploy(target, apps, rec, [apps, config('2')]);
    expect(state.applies).toBe(2);
    const withDb = (ref: string) => [apps, render('data', [deployment('db', 'api')], ref)];
    expect(applyKey(target, apps, withDb('localhost/api:tm-1'))).toBe(
      applyKey(target, apps, withDb('localhost/api:tm-9')),
    );
  });

  it('always applies a group that awaits no workload, and never skips without records', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const configOnly = render('cfg', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }]);
    await deploy(target, configOnly, rec);
    await deploy(target, configOnly, rec);
    const group = render('apps', [deployment('api', 'api')]);
    await deploy(target, group);
    await deploy(target, group);
    expect(state.applies).toBe(4);
  });

  it('applies again after down forgot the records, and after a torn record', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const group = render('apps', [deployment('api', 'api')]);
    await deploy(target, group, rec);
    clearEnvState(rec.stateDir);
    await deploy(target, group, rec);
    writeFileSync(join(rec.stateDir, 'applied', 'apps.json'), '{"key":');
    await deploy(target, group, rec);
    expect(state.applies).toBe(3);
  });

  it('skips a group awaiting no workload while the target still has its objects, and applies it once one is gone', async () => {
    const { target, state } = fakeTarget();
    let missing: string[] = [];
    const withObjects = Object.assign(target, { missingObjects: () => Promise.resolve(missing) });
    const rec = records();
    const configOnly = render('cfg', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }]);
    await deploy(withObjects, configOnly, rec);
    const second = await deploy(withObjects, configOnly, rec);
    expect(second.result).toEqual({ state: 'cached', detail: 'manifests as last applied, 1 object(s) in place' });
    missing = ['ConfigMap/c'];
    const third = await deploy(withObjects, configOnly, rec);
    expect(third.result.state).toBe('succeeded');
    expect(third.lines[0]).toBe('manifests as last applied, but ConfigMap/c is missing: applying again');
    expect(state.applies).toBe(2);
  });

  it('counts a group with after hooks as in place only once they all succeeded after its apply', async () => {
    const { target, state } = fakeTarget();
    const rec = records();
    const group = render('apps', [deployment('api', 'api')]);
    const seed = { name: 'seed', command: ['seed'], env: {}, cwd: '/p', timeoutMs: 1000 };
    const hooks = { before: [], after: [seed] };
    await deploy(target, group, rec, [group], hooks);
    // The seeding hook failed (or tarmac died) after the apply: the next up applies again, and so seeds again.
    expect(lastAppliedKey(rec.stateDir, 'apps')).toBeUndefined();
    expect((await deploy(target, group, rec, [group], hooks)).result.state).toBe('succeeded');
    recordHooksDone(rec.stateDir, 'apps');
    expect((await deploy(target, group, rec, [group], hooks)).result.state).toBe('cached');
    // A changed hook applies the group again, so that the new hook runs.
    const changed = { before: [], after: [{ ...seed, command: ['seed', '--more'] }] };
    expect((await deploy(target, group, rec, [group], changed)).result.state).toBe('succeeded');
    expect(state.applies).toBe(3);
  });
});
