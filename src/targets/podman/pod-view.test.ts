// PodViews from recorded podman 4.3.1 inspect output (test/fixtures/deploy/podman-4.3.1), judged by
// the shared classifier the deploy step uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPod } from '../../kube/classify-pod.js';
import { toContainerRecord, toPodRecord, type ContainerRecord } from './inspect.js';
import { STABLE_MS, toPodView, type ContainerExtras } from './pod-view.js';

const recorded = (name: string): unknown[] =>
  JSON.parse(
    readFileSync(new URL(`../../../test/fixtures/deploy/podman-4.3.1/${name}.json`, import.meta.url), 'utf8'),
  ) as unknown[];
const container = (name: string, edit: Partial<ContainerRecord> = {}): ContainerRecord => ({
  ...toContainerRecord(recorded(name)[0]),
  ...edit,
});
const pods = recorded('pod-ps').map(toPodRecord);
const webPod = pods.find((p) => p.name === 'tarmac-rec-web')!;
const crashPod = pods.find((p) => p.name === 'tarmac-rec-crasher')!;
const at = (iso: string | undefined, plusMs: number): number => Date.parse(iso ?? '') + plusMs;
const view = (pod: typeof webPod, c: ContainerRecord, extras: ContainerExtras, now: number) =>
  toPodView(pod, [c], new Map([[c.id, extras]]), now);

describe('toContainerRecord (podman 4.3.1 container inspect)', () => {
  it('reads state, restarts, policy, labels and the published ports', () => {
    const c = container('running');
    expect(c).toMatchObject({
      name: 'tarmac-rec-web-web',
      image: 'localhost/pexp-web:1',
      status: 'running',
      exitCode: 0,
      restartCount: 0,
      restartPolicy: 'always',
    });
    expect(c.hostPorts).toEqual({ '8080': '127.0.0.1:28181' });
    expect(c.labels['io.tarmac.workload']).toBe('web');
    expect(c.finishedAt).toBeUndefined();
  });
});

describe('toPodView', () => {
  it('a running container without a probe is Ready; the owner comes from the labels', () => {
    const c = container('running');
    const pod = view(webPod, c, {}, at(c.startedAt, STABLE_MS));
    expect(pod).toMatchObject({
      name: 'tarmac-rec-web',
      owner: { kind: 'Deployment', name: 'web' },
      phase: 'Running',
      restartPolicy: 'Always',
    });
    expect(pod.containers[0]).toMatchObject({
      name: 'web',
      ready: true,
      state: { running: { startedAt: c.startedAt } },
    });
    expect(classifyPod(pod)).toMatchObject({ state: 'ready', reason: 'Ready' });
  });

  it('a container without a probe is ready only after running STABLE_MS, so a crash right after start cannot pass', () => {
    const c = container('running');
    expect(view(webPod, c, {}, at(c.startedAt, STABLE_MS - 1)).containers[0]?.ready).toBe(false);
    expect(classifyPod(view(webPod, c, {}, at(c.startedAt, 100))).state).toBe('waiting');
    expect(view(webPod, c, {}, at(c.startedAt, STABLE_MS)).containers[0]?.ready).toBe(true);
  });

  it('a failing readiness probe: not Ready, an Unhealthy event, ReadinessProbeFailing', () => {
    const c = container('running');
    const message = 'Readiness probe failed: HTTP probe failed with statuscode: 404';
    const pod = view(webPod, c, { probe: { ready: false, message } }, at(c.startedAt, 5000));
    expect(pod.conditions.find((x) => x.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [web]',
    });
    expect(pod.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message }]);
    expect(classifyPod(pod)).toMatchObject({ state: 'waiting', reason: 'ReadinessProbeFailing', detail: message });
  });

  it('a crash loop caught between runs (stopped, exit 3, restarts >= 3) is CrashLoopBackOff with exit code and logs', () => {
    const c = container('crash-stopped');
    const pod = view(crashPod, c, { lastExitCode: 3, logTail: ['starting', 'fatal'] }, at(c.startedAt, 200));
    expect(pod.containers[0]).toMatchObject({
      name: 'crasher',
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 3, reason: 'Error' } },
      logTail: ['starting', 'fatal'],
    });
    const verdict = classifyPod(pod);
    expect(verdict).toMatchObject({ state: 'failed', reason: 'CrashLoopBackOff' });
    expect(verdict.detail).toBe(
      `container crasher keeps crashing: last exit code 3 (Error), ${c.restartCount} restarts`,
    );
    expect(verdict.evidence).toEqual(expect.arrayContaining(['log: fatal']));
  });

  it('a crash loop caught running (inspect says exit 0): the exit code comes from the died events', () => {
    const c = container('crash-running');
    expect(c).toMatchObject({ status: 'running', exitCode: 0 });
    const pod = view(crashPod, c, { lastExitCode: 3, logTail: [] }, at(c.startedAt, 300));
    expect(pod.containers[0]?.lastState).toEqual({ terminated: { exitCode: 3, reason: 'Error' } });
    expect(classifyPod(pod).reason).toBe('CrashLoopBackOff');
  });

  it('a container that restarted a few times but has run steadily for a while is not a crash loop', () => {
    const c = container('crash-running');
    const pod = view(crashPod, c, { lastExitCode: 3 }, at(c.startedAt, 60_000));
    expect(pod.containers[0]).toMatchObject({
      ready: true,
      state: { running: {} },
      lastState: { terminated: { exitCode: 3 } },
    });
    expect(classifyPod(pod).state).toBe('ready');
  });

  // The judgment may come seconds after the inspect (a crashed container's exit code and logs are read first): what
  // podman said then, not the time of judging, says how long the container had run.
  it('a crash loop caught running is still one when judged long after the inspect, not "running steadily"', () => {
    const c = container('crash-running');
    const inspected = { ...c, observedAt: at(c.startedAt, 300) };
    const pod = view(crashPod, inspected, { lastExitCode: 3 }, at(c.startedAt, 60_000));
    expect(pod.containers[0]?.ready).toBe(false);
    expect(classifyPod(pod).reason).toBe('CrashLoopBackOff');
  });

  it('a container without a probe inspected 100 ms after its start is not ready, however late it is judged', () => {
    const c = container('running');
    const inspected = { ...c, observedAt: at(c.startedAt, 100) };
    expect(view(webPod, inspected, {}, at(c.startedAt, 5_000)).containers[0]?.ready).toBe(false);
    const later = { ...c, observedAt: at(c.startedAt, STABLE_MS) };
    expect(view(webPod, later, {}, at(c.startedAt, 5_000)).containers[0]?.ready).toBe(true);
  });

  it('a first crash, restarts below the threshold: Restarting (waiting), not yet failed', () => {
    const c = container('crash-stopped', { restartCount: 1 });
    const pod = view(crashPod, c, { lastExitCode: 3 }, at(c.startedAt, 100));
    expect(pod.containers[0]?.state).toEqual({ terminated: { exitCode: 3, reason: 'Error' } });
    expect(pod.phase).toBe('Running');
    expect(classifyPod(pod)).toMatchObject({ state: 'waiting', reason: 'Restarting' });
  });

  it('restartPolicy Never and a non-zero exit: phase Failed, ContainerFailed', () => {
    const c = container('crash-stopped', { restartPolicy: 'no', restartCount: 0 });
    const pod = view(crashPod, c, { logTail: ['fatal'] }, at(c.startedAt, 100));
    expect(pod).toMatchObject({ phase: 'Failed', restartPolicy: 'Never' });
    expect(classifyPod(pod)).toMatchObject({ state: 'failed', reason: 'ContainerFailed' });
  });

  it("a container that never started: ContainerCreating, or RunContainerError with podman's error", () => {
    const c = container('running', { status: 'created', startedAt: undefined });
    expect(view(webPod, c, {}, 0).containers[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const failed = view(webPod, { ...c, error: 'exec: "/bin/nope": no such file' }, {}, 0);
    expect(classifyPod(failed)).toMatchObject({ state: 'failed', reason: 'RunContainerError' });
  });

  it('a bare Pod keeps its manifest name, so a wait on Pod/<name> finds it', () => {
    const c = container('running');
    const pod = toPodView(
      { ...webPod, labels: { ...webPod.labels, 'io.tarmac.workload-kind': 'Pod', 'io.tarmac.workload': 'notes' } },
      [c],
      new Map(),
      0,
    );
    expect(pod).toMatchObject({ name: 'notes', owner: { kind: 'Pod', name: 'notes' } });
  });
});
