// down() decides by labels, never by names: a recorded pod that no longer carries the env's labels,
// a similarly named network and a container run from an env image (which inherits the image's
// io.tarmac.env label) are kept, and so is another checkout's env of the same name; what was made before resources
// carried a project (legacy) is removed. podman secrets (unlabelled in 4.3.1) are removed by the names the state
// recorded, and only those. podman answers from a fake runner here; the e2e tests do it for real.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import { downEnv } from './down.js';
import { podmanCli } from './podman-cli.js';
import { StateStore, statePaths } from './state.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';

const newPodmanDownDir = tempDirs('podman-down');

const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const legacy = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'demo', 'io.tarmac.target': 'podman' };
const ours = { ...legacy, 'io.tarmac.project': id.project };
const otherCheckout = { ...legacy, 'io.tarmac.project': 'bbbbbbbbbbbb' };
const imageLabels = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'demo' };

// What podman answers, by command; the env's pod is gone once removed.
let podRemoved = false;
function answer(call: FakeCall): { stdout?: string; exitCode?: number; stderr?: string } {
  const args = call.args.join(' ');
  if (args.startsWith('pod rm')) podRemoved = true;
  if (args.startsWith('pod ps --filter') && podRemoved) return { stdout: '[]' };
  if (args.startsWith('pod ps --filter'))
    return { stdout: JSON.stringify([{ Id: 'p1', Name: 'tarmac-demo-web', Status: 'Running', Labels: ours }]) };
  if (args === 'pod inspect tarmac-demo-old')
    return { stdout: JSON.stringify({ Id: 'p2', Name: 'tarmac-demo-old', State: 'Running', Labels: {} }) };
  if (args.startsWith('ps -a --filter'))
    return { stdout: JSON.stringify([{ Id: 'c9', Names: ['by-hand'], Labels: imageLabels }]) };
  if (args === 'volume ls --format json')
    return {
      stdout: JSON.stringify([
        { Name: 'tarmac-demo-data', Labels: ours },
        { Name: 'tarmac-demo-cache', Labels: {} },
      ]),
    };
  if (args === 'network inspect tarmac-demo')
    return { stdout: JSON.stringify([{ name: 'tarmac-demo', labels: ours, dns_enabled: true }]) };
  if (args === 'pod ps --format json') return { stdout: JSON.stringify([{ Name: 'tarmac-demo-old', Labels: {} }]) };
  if (args === 'ps -a --format json')
    return { stdout: JSON.stringify([{ Names: ['tarmac-demo-by-hand'], Labels: imageLabels }]) };
  if (args === 'network ls --format json')
    return { stdout: JSON.stringify([{ name: 'tarmac-demo-foreign', labels: {} }]) };
  return {};
}

/** downEnv of env `demo` (network tarmac-demo) over the fake runner's podman. */
const downDemo = (runner: ReturnType<typeof fakeRunner>, store: StateStore, playDir: string) =>
  downEnv({ cli: podmanCli(createPodmanEngine(runner)), id, network: 'tarmac-demo', store, playDir });

describe('downEnv', () => {
  it('removes the labelled pods, volumes and network; keeps what lacks the labels, even when recorded', async () => {
    const stateDir = newPodmanDownDir();
    const { file, playDir } = statePaths(stateDir);
    const store = new StateStore(file, 'demo');
    await store.update((s) => {
      s.pods['tarmac-demo-old'] = {
        name: 'tarmac-demo-old',
        group: 'g',
        workload: { kind: 'Pod', name: 'old' },
        source: 'a.yaml:1',
        playFile: '',
        hostPorts: {},
      };
      s.volumes.push('tarmac-demo-cache');
    });
    const runner = fakeRunner(answer);
    const report = await downDemo(runner, store, playDir);
    const removing = runner.calls.map((c) => c.args.join(' ')).filter((a) => / rm |^rm |^pod stop/.test(a));
    expect(removing).toEqual([
      'pod stop --ignore -t 0 tarmac-demo-web',
      'pod rm -f --ignore tarmac-demo-web',
      'volume rm -f tarmac-demo-data',
      'network rm tarmac-demo',
    ]);
    expect(report.removed).toEqual([
      'pod tarmac-demo-web',
      'volume tarmac-demo-data',
      'network tarmac-demo',
      `files ${playDir}, ${file}`,
    ]);
    expect(report.keptForeign).toEqual([
      "pod tarmac-demo-old (recorded, but it lacks the env's labels now)",
      "volume tarmac-demo-cache (recorded, but it lacks the env's labels)",
      'pod tarmac-demo-old',
      'container tarmac-demo-by-hand',
      'network tarmac-demo-foreign',
    ]);
    expect((await store.read()).pods).toEqual({});
  });

  it("removes the env's legacy resources (no project label) and never another checkout's env of the same name", async () => {
    const stateDir = newPodmanDownDir();
    const { file, playDir } = statePaths(stateDir);
    let removed = false;
    const runner = fakeRunner((call) => {
      const args = call.args.join(' ');
      if (args.startsWith('pod rm')) removed = true;
      const oldPod = { Id: 'p1', Name: 'tarmac-demo-old', Status: 'Running', Labels: legacy };
      const otherPod = { Id: 'p2', Name: 'tarmac-demo-web', Status: 'Running', Labels: otherCheckout };
      if (args.startsWith('pod ps --filter'))
        return { stdout: JSON.stringify(removed ? [otherPod] : [oldPod, otherPod]) };
      if (args.startsWith('ps -a --filter'))
        return { stdout: JSON.stringify([{ Id: 'c1', Names: ['tarmac-demo-web-app'], Labels: otherCheckout }]) };
      if (args === 'volume ls --format json')
        return {
          stdout: JSON.stringify([
            { Name: 'tarmac-demo-cache', Labels: legacy },
            { Name: 'tarmac-demo-data', Labels: otherCheckout },
          ]),
        };
      if (args === 'network inspect tarmac-demo')
        return {
          stdout: JSON.stringify([
            {
              name: 'tarmac-demo',
              labels: { ...otherCheckout, 'io.tarmac.project-path': '/work/b/tarmac.yaml' },
              dns_enabled: true,
            },
          ]),
        };
      return { stdout: '[]' };
    });
    const report = await downDemo(runner, new StateStore(file, 'demo'), playDir);
    const removing = runner.calls.map((c) => c.args.join(' ')).filter((a) => / rm |^rm |^pod stop/.test(a));
    expect(removing).toEqual([
      'pod stop --ignore -t 0 tarmac-demo-old',
      'pod rm -f --ignore tarmac-demo-old',
      'volume rm -f tarmac-demo-cache',
    ]);
    expect(report.keptForeign).toEqual(['network tarmac-demo (env demo of another checkout: /work/b/tarmac.yaml)']);
  });

  it('removes the podman secrets the state recorded and that exist, and no other secret', async () => {
    const stateDir = newPodmanDownDir();
    const { file, playDir } = statePaths(stateDir);
    const store = new StateStore(file, 'demo');
    // podman 4.3.1 gives kube play's secrets no labels: only the recorded names say which are the env's.
    await store.update((s) => {
      s.secrets = ['store-credentials', 'api-token'];
    });
    const runner = fakeRunner((call) => {
      const args = call.args.join(' ');
      if (args === 'secret ls --format {{.Name}}') return { stdout: 'users-own-secret\nstore-credentials\n' };
      if (args.startsWith('pod ps') || args.startsWith('ps -a') || args.endsWith('ls --format json'))
        return { stdout: '[]' };
      if (args.startsWith('network inspect')) return { exitCode: 125, stderr: 'Error: network not found' };
      return {};
    });
    const report = await downDemo(runner, store, playDir);
    const secretCalls = runner.calls.map((c) => c.args.join(' ')).filter((a) => a.startsWith('secret '));
    expect(secretCalls).toEqual(['secret ls --format {{.Name}}', 'secret rm store-credentials']);
    expect(report.removed).toContain('secret store-credentials');
    expect(report.removed.filter((r) => r.startsWith('secret '))).toEqual(['secret store-credentials']);
  });

  it('fails with DOWN_INCOMPLETE naming what of the env is still there after the removal', async () => {
    const stateDir = newPodmanDownDir();
    const { playDir, file } = statePaths(stateDir);
    const runner = fakeRunner((call) => {
      const args = call.args.join(' ');
      // Recreated meanwhile: the listing after the removal still has a pod of the env.
      if (args === 'pod ps --format json')
        return { stdout: JSON.stringify([{ Name: 'tarmac-demo-web', Labels: ours }]) };
      return { stdout: '[]' };
    });
    const down = downDemo(runner, new StateStore(file, 'demo'), playDir);
    await expect(down).rejects.toMatchObject({
      code: 'DOWN_INCOMPLETE',
      message: 'down of env demo left pod tarmac-demo-web',
    });
  });
});
