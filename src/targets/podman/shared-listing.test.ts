// The podman target's shared listing (issue 16): a no-change `up` reads the env's pods and containers once for every
// check (each deploy group's in-place check, the health, the endpoints), and reads them again as soon as anything may
// have changed the env: ensure made the network, down ran, the tests or a hook ran, a crash loop was stopped. A wait
// after an apply shares apply's listing at its first poll and reads live after (issue 17). podman answers from a fake
// runner here; e2e runs it for real.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../../config/types.js';
import type { FakeRunner } from '../../exec/fake-runner.test-kit.js';
import { StateStore, statePaths } from './state.js';
import { renderGroup } from '../../kube/render.js';
import { count, ctx, demoEnv, demoTarget, deployment, fakePodman, group, listings } from './shared-listing.test-kit.js';

let dir: string;
let env: Env;
beforeEach(async () => void ({ dir, env } = await demoEnv()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const podman = () => fakePodman(env);
/** Group data deploying `other` instead of `data`. */
const other = renderGroup('data', [{ object: deployment('other'), file: 'data.yaml', line: 1 }], new Map(), {
  pullPolicy: 'Never',
});
const target = (runner: FakeRunner) => demoTarget(runner, env, dir);

describe('the podman target shares one listing between the checks of a run', () => {
  it('answers the in-place checks, the health and the endpoints from one listing while nothing changes', async () => {
    const { runner } = podman();
    const t = await target(runner);
    expect((await t.ensure(ctx)).action).toBe('reused');
    expect((await t.pods(group('data'), undefined, 'shared')).map((p) => p.phase)).toEqual(['Running']);
    expect(await t.pods(group('apps'), undefined, 'shared')).toHaveLength(1);
    expect((await t.status()).healthy).toBe(true);
    expect(await t.endpoints()).toEqual({ apps: 'http://127.0.0.1:4002', data: 'http://127.0.0.1:4001' });
    expect([listings(runner), count(runner, 'ps -a'), count(runner, 'container inspect')]).toEqual([1, 1, 1]);
    // The network is on record: ensure inspects it, and never tries a create first.
    expect(count(runner, 'network create')).toBe(0);
  });

  it('answers the health and the endpoints (`tarmac test`) with one `ps`: no pod listing, no network check', async () => {
    const { runner } = podman();
    const t = await target(runner);
    const [state, endpoints] = await Promise.all([t.health!(), t.endpoints()]);
    expect(state.healthy).toBe(true);
    expect(endpoints).toEqual({ apps: 'http://127.0.0.1:4002', data: 'http://127.0.0.1:4001' });
    expect([listings(runner), count(runner, 'ps -a'), count(runner, 'container inspect')]).toEqual([0, 1, 0]);
    expect(count(runner, 'network inspect')).toBe(0);
  });

  it('checks the network for the health when the recorded endpoints are not live', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.podStatus = 'Exited';
    expect(await t.health!()).toEqual({ healthy: true });
    expect(count(runner, 'network inspect')).toBe(1);
    state.networkExists = false;
    expect(await t.health!()).toEqual({ healthy: false });
  });

  it('asks for the `ps` of `tarmac test` at once, beside the state read, not after it', async () => {
    const { runner } = podman();
    const t = await target(runner);
    const endpoints = t.endpoints();
    expect(count(runner, 'ps -a')).toBe(1);
    expect(await endpoints).toEqual({ apps: 'http://127.0.0.1:4002', data: 'http://127.0.0.1:4001' });
    expect(count(runner, 'ps -a')).toBe(1);
  });

  it('lists the pods when a recorded port is not live: a stopped container, or another host port', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    const { file } = statePaths(env.stateDir);
    await new StateStore(file, 'demo').update((s) => {
      s.pods['tarmac-demo-apps']!.hostPorts = { '8080': 4999 };
    });
    // The live port (4002) wins over the recorded one, read from the pod listing.
    expect(await t.endpoints()).toEqual({ apps: 'http://127.0.0.1:4002', data: 'http://127.0.0.1:4001' });
    expect(listings(runner)).toBe(1);
    t.forgetStatus?.();
    state.podStatus = 'Exited';
    await t.endpoints();
    expect(listings(runner)).toBe(2);
  });

  it('says the env is unhealthy without listing pods when its network is gone', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    // podman removes a network only with the containers on it (`network rm -f`).
    state.networkExists = false;
    state.removed = true;
    expect(await t.health!()).toEqual({ healthy: false });
    expect(listings(runner)).toBe(0);
  });

  it('reads live for a wait (the default), every time', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    await t.pods(group('data'));
    state.podStatus = 'Exited';
    expect((await t.pods(group('data'))).map((p) => p.phase)).not.toEqual(['Running']);
    expect(listings(runner)).toBe(2);
  });

  it('lists again after forgetStatus (the tests or a hook ran): a pod they broke is seen', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    expect((await t.status()).problems).toEqual([]);
    state.podStatus = 'Exited';
    expect((await t.status()).problems).toEqual([]);
    t.forgetStatus?.();
    expect((await t.status()).problems).toEqual(['pod tarmac-demo-data is Exited', 'pod tarmac-demo-apps is Exited']);
    expect(listings(runner)).toBe(2);
  });

  it('lists again after down', async () => {
    const { runner } = podman();
    const t = await target(runner);
    expect(await t.pods(group('data'), undefined, 'shared')).toHaveLength(1);
    await t.down();
    expect(await t.pods(group('data'), undefined, 'shared')).toEqual([]);
  });

  it("inspects the env's containers beside the network check, for the first deploy step's in-place check", async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    // The network check answers once the containers are inspected (or after 2 s, and the test fails).
    state.networkWaitsFor = new Promise((resolve) => {
      state.inspected = resolve;
      setTimeout(resolve, 2000);
    });
    expect((await t.ensure(ctx)).action).toBe('reused');
    expect(state.answeredNetworkAfter).toBe('container inspect');
    expect((await t.pods(group('data'), undefined, 'shared')).map((p) => p.phase)).toEqual(['Running']);
    expect([listings(runner), count(runner, 'container inspect')]).toEqual([1, 1]);
  });

  it('drops the listing read beside the network check when ensure (re)creates the network', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.networkExists = false;
    expect((await t.ensure(ctx)).action).toBe('created');
    expect(listings(runner)).toBe(1);
    await t.pods(group('data'), undefined, 'shared');
    expect(listings(runner)).toBe(2);
  });

  it("verifies an apply's plays with a listing read after them, which the wait's first poll then shares", async () => {
    const { runner } = podman();
    const t = await target(runner);
    expect(await t.pods(group('data'), undefined, 'shared')).toHaveLength(1);
    await t.apply(group('data'), ctx, [group('data')]);
    const playedAt = runner.calls.findIndex((c) => c.args[0] === 'kube');
    const listedAt = runner.calls.findLastIndex((c) => c.args.join(' ').startsWith('pod ps --filter'));
    expect([playedAt >= 0, listedAt > playedAt, listings(runner)]).toEqual([true, true, 2]);
    expect((await t.pods(group('data'), undefined, 'shared')).map((p) => p.phase)).toEqual(['Running']);
    expect(listings(runner)).toBe(2);
    await t.pods(group('data'));
    expect(listings(runner)).toBe(3);
    // A live poll supersedes apply's listing (read before the wait): the next group's in-place check lists again.
    await t.pods(group('apps'), undefined, 'shared');
    expect(listings(runner)).toBe(4);
  });

  it("verifies the plays with a listing read after them, not one another step's check took while they ran", async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    // Another deploy step's in-place check takes the shared listing while the pod is played (not listed yet).
    state.duringPlay = () => t.pods(group('apps'), undefined, 'shared');
    await t.apply(group('data'), ctx, [group('data')]);
    expect((await t.pods(group('data'), undefined, 'shared')).map((p) => p.phase)).toEqual(['Running']);
  });

  it('forgets the listing when a pod is removed after the plays were verified (a pod that left the manifests)', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.listHost = true;
    // Group data now deploys `other`: its pod is played and verified, then tarmac-demo-data is pruned.
    await t.apply(other, ctx, []);
    expect(count(runner, 'pod rm')).toBe(1);
    const before = listings(runner);
    await t.pods(group('data'), undefined, 'shared');
    expect(listings(runner)).toBe(before + 1);
  });

  it('forgets the listing that verified the plays when the apply then fails', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.playLeavesNoPod = true;
    await expect(t.apply(other, ctx, [])).rejects.toThrow(/exited 0, but the pod does not exist/);
    state.playLeavesNoPod = false;
    state.played.push('tarmac-demo-other');
    const before = listings(runner);
    expect((await t.status()).nodes.map((n) => n.name)).toContain('tarmac-demo-other');
    expect(listings(runner)).toBe(before + 1);
  });

  it('does not keep a listing that failed', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.failListing = true;
    await expect(t.status()).rejects.toThrow(/Could not list the pods of env demo/);
    state.failListing = false;
    expect((await t.status()).nodes).toHaveLength(2);
  });
});
