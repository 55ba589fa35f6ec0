// applyGroup's podman calls, answered by a fake runner (the e2e tests play for real): one listing of the host's pods
// stands for an inspect of each pod, a group's independent workloads are played side by side, the played pods are
// verified by one listing of the env's pods, and a pod name taken by something tarmac did not make is refused
// before anything is played.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { TarmacError } from '../../errors/errors.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import { applyGroup } from './apply.js';
import { planGroup } from './play-plan.js';
import { podmanCli } from './podman-cli.js';
import { StateStore, statePaths } from './state.js';

const newApplyDir = tempDirs('podman-apply');
const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const ours = {
  'io.tarmac.managed': 'true',
  'io.tarmac.env': 'demo',
  'io.tarmac.target': 'podman',
  'io.tarmac.project': id.project,
};

const manifest = (file: string): string =>
  readFileSync(new URL(`../../../examples/aianalysis/manifests/apps/${file}`, import.meta.url), 'utf8');
const apps = renderGroup(
  'apps',
  [
    ...parseManifests(manifest('aianalysis.yaml'), 'apps/aianalysis.yaml'),
    ...parseManifests(manifest('holmesgpt-api.yaml'), 'apps/holmesgpt-api.yaml'),
  ],
  new Map([
    ['aianalysis', 'localhost/aianalysis:tm-0123456789ab'],
    ['holmesgpt-api', 'localhost/holmesgpt-api:tm-0123456789ab'],
  ]),
  { pullPolicy: 'Never' },
);
const plan = planGroup(apps, { env: 'demo', project: id.project, runId: 'run-1', network: 'tarmac-demo' }, [apps]);
const podNames = plan.units.map((u) => u.podName);

/** applyGroup of the example's apps group over a fake podman answering with `answer`; the calls and the output. */
async function applyApps(answer: (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>, networkChecked = true) {
  const runner = fakeRunner(answer);
  const engine = createPodmanEngine(runner);
  const { file, playDir } = statePaths(newApplyDir());
  const deps = {
    cli: podmanCli(engine),
    engine,
    id,
    network: 'tarmac-demo',
    store: new StateStore(file, 'demo'),
    playDir,
    timeoutMs: 10_000,
    insecure: false,
    removePod: () => Promise.resolve(),
    networkChecked,
  };
  const output: string[] = [];
  const run = applyGroup(deps, apps, plan, { signal: new AbortController().signal, output: (l) => output.push(l) });
  return { run, calls: () => runner.calls.map((c) => c.args.join(' ')), output };
}

const listed = (names: string[], labels: Record<string, string>) =>
  JSON.stringify(names.map((Name) => ({ Id: Name, Name, Status: 'Running', Labels: labels })));

describe('applyGroup on the podman target', () => {
  it('plays both workloads side by side after one host listing, and verifies them with one env listing', async () => {
    let playsRunning = 0;
    let mostAtOnce = 0;
    let played = 0;
    const gate: (() => void)[] = [];
    const { run, calls, output } = await applyApps(async (call) => {
      const args = call.args.join(' ');
      if (args === 'pod ps --format json') return { stdout: '[]' };
      if (args.startsWith('pod ps --filter')) return { stdout: listed(podNames, ours) };
      if (args.startsWith('kube play')) {
        playsRunning++;
        mostAtOnce = Math.max(mostAtOnce, playsRunning);
        // Each play ends only once both have started (or a second never comes: the test then times out).
        await new Promise<void>((resolve) => {
          gate.push(resolve);
          if (gate.length === 2) for (const open of gate) open();
        });
        playsRunning--;
        played++;
      }
      return {};
    });
    await run;
    expect(mostAtOnce).toBe(2);
    expect(played).toBe(2);
    const made = calls();
    expect(made.filter((c) => c === 'pod ps --format json')).toHaveLength(1);
    expect(made.filter((c) => c.startsWith('pod ps --filter'))).toHaveLength(1);
    expect(made.filter((c) => c.startsWith('pod inspect') || c.startsWith('network inspect'))).toEqual([]);
    expect(output.filter((l) => l.endsWith(')') && l.includes(': played'))).toEqual(
      podNames.map((n, i) => `${n}: played (reachable as ${plan.units[i]!.aliases.join(', ')})`),
    );
  });

  it('looks for the network first when this process did not ensure it, and stops when it is gone (TARGET_NOT_READY)', async () => {
    const { run, calls } = await applyApps(
      (call) =>
        call.args[0] === 'network'
          ? { exitCode: 125, stderr: 'Error: unable to find network with name or ID tarmac-demo: network not found' }
          : { stdout: '[]' },
      false,
    );
    await expect(run).rejects.toMatchObject({ code: 'TARGET_NOT_READY' });
    expect(calls()).toEqual(['network inspect tarmac-demo']);
  });

  it('refuses a pod name held by a pod tarmac did not make, before playing anything (POD_NAME_TAKEN)', async () => {
    const { run, calls } = await applyApps((call) =>
      call.args.join(' ') === 'pod ps --format json' ? { stdout: listed([podNames[0]!], { by: 'hand' }) } : {},
    );
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).code).toBe('POD_NAME_TAKEN');
    expect((error as TarmacError).message).toContain(podNames[0]);
    expect(calls().filter((c) => c.startsWith('kube play'))).toEqual([]);
  });

  it('fails with POD_NOT_VERIFIED when a play exits 0 but its pod is not among the env pods', async () => {
    const { run } = await applyApps((call) => {
      const args = call.args.join(' ');
      if (args === 'pod ps --format json') return { stdout: '[]' };
      if (args.startsWith('pod ps --filter')) return { stdout: listed([podNames[0]!], ours) };
      if (args.startsWith('pod inspect')) return { exitCode: 125, stderr: 'Error: no such pod' };
      return {};
    });
    await expect(run).rejects.toMatchObject({
      code: 'POD_NOT_VERIFIED',
      message: expect.stringContaining(`${podNames[1]} exited 0, but the pod does not exist`),
    });
  });
});
