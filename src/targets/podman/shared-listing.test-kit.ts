// The fake podman and env of the podman target's shared-listing tests: one running pod per deploy group (data, apps),
// their containers and host ports, and the state an earlier `up` recorded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A temp dir with a podman-target env `demo`; the caller removes the dir. */
export async function demoEnv(): Promise<{ dir: string; env: Env }> {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-shared-listing-'));
  writeFileSync(join(dir, 'tarmac.yaml'), 'name: demo\ncluster:\n  target: podman\n');
  return { dir, env: await loadEnv(join(dir, 'tarmac.yaml')) };
}

/** A Deployment `name` of one container of that name. */
export const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name, image: 'localhost/x:1' }] } } },
});
/** The rendered group `name`: one Deployment of that name. */
export const group = (name: string): RenderedGroup =>
  renderGroup(name, [{ object: deployment(name), file: `${name}.yaml`, line: 1 }], new Map(), { pullPolicy: 'Never' });

/** podman with one running pod per group (data, apps) and their containers; `state.podStatus` changes what it says. */
export function fakePodman(env: Env) {
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
    /** Pods played under another name than the groups' (`tarmac-demo-<workload>`), listed in group data. */
    played: [] as string[],
    /** The host's pod listing shows the groups' pods (else it is empty: nothing to replace or prune). */
    listHost: false,
    /** A `kube play` that exits 0 but leaves no pod (its verification fails). */
    playLeavesNoPod: false,
  };
  const groups = () => (state.removed ? [] : ['data', 'apps']);
  const pods = () => [
    ...groups().map((g) => ({
      Id: `pod-${g}`,
      Name: `tarmac-demo-${g}`,
      Status: state.podStatus,
      Labels: { ...labels, [LABEL_GROUP]: g },
    })),
    ...state.played.map((Name) => ({
      Id: Name,
      Name,
      Status: 'Running',
      Labels: { ...labels, [LABEL_GROUP]: 'data' },
    })),
  ];
  const runner = fakeRunner((call: FakeCall) => {
    const args = call.args.join(' ');
    if (args.startsWith('pod rm')) state.removed = true;
    // The played file is <pod name>.yaml.
    const podName = /\/([^/]+)\.yaml$/.exec(call.args.at(-1) ?? '')?.[1];
    if (args.startsWith('kube play') && podName && !groups().some((g) => `tarmac-demo-${g}` === podName))
      if (!state.playLeavesNoPod) state.played.push(podName);
    if (args.startsWith('network create')) {
      if (state.networkExists)
        return { exitCode: 125, stderr: 'Error: network name tarmac-demo already used: network already exists' };
      state.networkExists = true;
    }
    if (args.startsWith('pod ps --filter'))
      return state.failListing ? { exitCode: 125, stderr: 'Error: boom' } : { stdout: JSON.stringify(pods()) };
    // The host's pods (a deploy's listing before it plays) and one pod's inspection (before tarmac removes it).
    if (args === 'pod ps --format json') return { stdout: JSON.stringify(state.listHost ? pods() : []) };
    if (args.startsWith('pod inspect ')) {
      const found = pods().find((p) => p.Name === call.args[2]);
      return found
        ? { stdout: JSON.stringify([{ ...found, State: found.Status }]) }
        : { exitCode: 125, stderr: `Error: no such pod ${call.args[2]}` };
    }
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
    // The host's networks (a network's check after tarmac created it).
    if (args === 'network ls --format json')
      return {
        stdout: JSON.stringify(state.networkExists ? [{ name: 'tarmac-demo', labels, dns_enabled: true }] : []),
      };
    if (args === 'network inspect tarmac-demo')
      return state.networkExists
        ? { stdout: JSON.stringify([{ name: 'tarmac-demo', labels, dns_enabled: true }]) }
        : { exitCode: 125, stderr: 'Error: unable to find network with name or ID tarmac-demo: network not found' };
    return {};
  });
  return { runner, state };
}

/** How many calls began with `prefix`. */
export const count = (runner: FakeRunner, prefix: string) =>
  runner.calls.filter((c) => c.args.join(' ').startsWith(prefix)).length;
/** How many times the env's pods were listed. */
export const listings = (runner: FakeRunner) => count(runner, 'pod ps --filter');

/** The target over `runner`, with both groups' pods, Services and the network on record. */
export async function demoTarget(runner: FakeRunner, env: Env, dir: string): Promise<ClusterTarget> {
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

/** A step context that drops the output. */
export const ctx = { signal: new AbortController().signal, output: () => undefined };
