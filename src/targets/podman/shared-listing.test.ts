// The podman target's shared listing (issue 16): a no-change `up` reads the env's pods and containers once for every
// check (each deploy group's in-place check, the health, the endpoints), and reads them again as soon as anything may
// have changed the env: ensure made the network, down ran, the tests or a hook ran, a crash loop was stopped. A wait
// after an apply shares apply's listing at its first poll and reads live after (issue 17). podman answers from a fake
// runner here; e2e runs it for real.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envIdentity } from '../../config/project-identity.js';
import { loadEnv } from '../../config/load.js';
import type { Env } from '../../config/types.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeCall, type FakeRunner } from '../../exec/fake-runner.test-kit.js';
import { renderGroup } from '../../kube/render.js';
import type { KubeObject, RenderedGroup } from '../../kube/types.js';
import type { ClusterTarget } from '../types.js';
import { LABEL_GROUP, targetLabels } from './names.js';
import { StateStore, statePaths } from './state.js';
import { createPodmanTarget } from './target.js';

let dir: string;
let env: Env;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-shared-listing-'));
  writeFileSync(join(dir, 'tarmac.yaml'), 'name: demo\ncluster:\n  target: podman\n');
  env = await loadEnv(join(dir, 'tarmac.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name, image: 'localhost/x:1' }] } } },
});
const group = (name: string): RenderedGroup =>
  renderGroup(name, [{ object: deployment(name), file: `${name}.yaml`, line: 1 }], new Map(), { pullPolicy: 'Never' });

/** podman with one running pod per group (data, apps) and their containers; `state.podStatus` changes what it says. */
function podman() {
  const labels = targetLabels(envIdentity(env));
  const state = {
    podStatus: 'Running',
    networkExists: true,
    removed: false,
    failListing: false,
    /** When set, the network check answers only once this resolves. */
    networkWaitsFor: undefined as Promise<unknown> | undefined,
    /** Called when the containers are inspected. */
    inspected: undefined as ((value?: unknown) => void) | undefined,
    /** The last call made before the network check answered. */
    answeredNetworkAfter: undefined as string | undefined,
    /** When set, a `kube play` answers once this resolves, its pod listed only then (another step's check runs). */
    duringPlay: undefined as (() => Promise<unknown>) | undefined,
  };
  const groups = () => (state.removed ? [] : ['data', 'apps']);
  const pods = () =>
    groups().map((g) => ({
      Id: `pod-${g}`,
      Name: `tarmac-demo-${g}`,
      Status: state.podStatus,
      Labels: { ...labels, [LABEL_GROUP]: g },
    }));
  const runner = fakeRunner((call: FakeCall) => {
    const args = call.args.join(' ');
    if (args.startsWith('pod rm')) state.removed = true;
    if (args.startsWith('network create')) {
      if (state.networkExists)
        return { exitCode: 125, stderr: 'Error: network name tarmac-demo already used: network already exists' };
      state.networkExists = true;
    }
    if (args.startsWith('pod ps --filter'))
      return state.failListing ? { exitCode: 125, stderr: 'Error: boom' } : { stdout: JSON.stringify(pods()) };
    if (args.startsWith('ps -a --filter'))
      return {
        stdout: JSON.stringify(
          groups().map((g) => ({
            Id: `c-${g}`,
            Labels: { ...labels, [LABEL_GROUP]: g },
            Pod: `pod-${g}`,
            State: state.podStatus === 'Running' ? 'running' : 'exited',
            Ports: [
              {
                host_ip: '127.0.0.1',
                container_port: 8080,
                host_port: g === 'data' ? 4001 : 4002,
                range: 1,
                protocol: 'tcp',
              },
            ],
          })),
        ),
      };
    if (args.startsWith('kube play') && state.duringPlay) {
      state.removed = true;
      return state.duringPlay().then(() => ((state.removed = false), {}));
    }
    if (args.startsWith('container inspect')) state.inspected?.();
    if (args === 'network inspect tarmac-demo' && state.networkWaitsFor)
      return state.networkWaitsFor.then(() => {
        state.answeredNetworkAfter = runner.calls.at(-1)?.args.slice(0, 2).join(' ');
        return { stdout: JSON.stringify([{ name: 'tarmac-demo', labels, dns_enabled: true }]) };
      });
    if (args.startsWith('container inspect'))
      return {
        stdout: JSON.stringify(
          groups().map((g) => ({
            Id: `c-${g}`,
            Name: `tarmac-demo-${g}-${g}`,
            Pod: `pod-${g}`,
            State: { Status: state.podStatus === 'Running' ? 'running' : 'exited', ExitCode: 0 },
            Config: { Labels: labels },
            NetworkSettings: {
              Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: g === 'data' ? '4001' : '4002' }] },
            },
          })),
        ),
      };
    if (args === 'network inspect tarmac-demo')
      return state.networkExists
        ? { stdout: JSON.stringify([{ name: 'tarmac-demo', labels, dns_enabled: true }]) }
        : { exitCode: 125, stderr: 'Error: unable to find network with name or ID tarmac-demo: network not found' };
    return {};
  });
  return { runner, state };
}

const count = (runner: FakeRunner, prefix: string) =>
  runner.calls.filter((c) => c.args.join(' ').startsWith(prefix)).length;
const listings = (runner: FakeRunner) => count(runner, 'pod ps --filter');

async function target(runner: FakeRunner): Promise<ClusterTarget> {
  const { file } = statePaths(env.stateDir);
  await new StateStore(file, 'demo').update((s) => {
    s.network = { name: 'tarmac-demo', created: true };
    s.pods['tarmac-demo-data'] = {
      name: 'tarmac-demo-data',
      group: 'data',
      workload: { kind: 'Deployment', name: 'data' },
      source: 'data.yaml:1',
      playFile: join(dir, 'data.yaml'),
      hostPorts: { '8080': 4001 },
    };
    s.pods['tarmac-demo-apps'] = { ...s.pods['tarmac-demo-data']!, name: 'tarmac-demo-apps', group: 'apps' };
    s.pods['tarmac-demo-apps'].hostPorts = { '8080': 4002 };
    s.services.data = { pod: 'tarmac-demo-data', port: 8080, group: 'data' };
    s.services.apps = { pod: 'tarmac-demo-apps', port: 8080, group: 'apps' };
  });
  return createPodmanTarget({ env, runner, engine: createPodmanEngine(runner), stateDir: env.stateDir, runId: 'r1' });
}

const ctx = { signal: new AbortController().signal, output: () => undefined };

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

  it('answers the health and the endpoints (`tarmac test`) with a network check and one `ps`: no pod listing', async () => {
    const { runner } = podman();
    const t = await target(runner);
    const [state, endpoints] = await Promise.all([t.health!(), t.endpoints()]);
    expect(state.healthy).toBe(true);
    expect(endpoints).toEqual({ apps: 'http://127.0.0.1:4002', data: 'http://127.0.0.1:4001' });
    expect([listings(runner), count(runner, 'ps -a'), count(runner, 'container inspect')]).toEqual([0, 1, 0]);
    expect(count(runner, 'network inspect')).toBe(1);
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
    state.networkExists = false;
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

  it('does not keep a listing that failed', async () => {
    const { runner, state } = podman();
    const t = await target(runner);
    state.failListing = true;
    await expect(t.status()).rejects.toThrow(/Could not list the pods of env demo/);
    state.failListing = false;
    expect((await t.status()).nodes).toHaveLength(2);
  });
});
