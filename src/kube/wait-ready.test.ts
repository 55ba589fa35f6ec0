import { describe, expect, it } from 'vitest';
import { podFixture } from '../../test/fixtures/kube/load.js';
import { CancelledError, TarmacError } from '../errors/errors.js';
import type { PodView, RenderedGroup } from './types.js';
import type { WaitClock } from './wait-clock.js';
import { waitReady, type WaitReadyOptions } from './wait-ready.js';

// A clock whose sleep only moves time forward; no test waits for real.
function fakeClock(): WaitClock & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return { sleeps, now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
}

const group = (...names: string[]): RenderedGroup => ({
  name: 'apps',
  objects: [],
  images: [],
  waitFor: names.map((name) => ({ kind: 'Deployment', name })),
});
/** A recorded pod, owned by Deployment/`owner` and renamed so several can coexist. */
const pod = (fixture: string, owner: string, name = `${owner}-1`): PodView => ({
  ...podFixture(fixture),
  name,
  owner: { kind: 'Deployment', name: owner },
});

/** Answers each poll with the next list of pods (the last one repeats). */
function polls(...lists: PodView[][]): WaitReadyOptions['pods'] {
  let i = 0;
  return async () => lists[Math.min(i++, lists.length - 1)] ?? [];
}

async function run(options: Partial<WaitReadyOptions> & Pick<WaitReadyOptions, 'pods' | 'group'>) {
  const clock = fakeClock();
  const lines: string[] = [];
  const result = waitReady({
    deadlineMs: 120_000,
    intervalMs: 2000,
    signal: new AbortController().signal,
    clock,
    output: (l) => lines.push(l),
    ...options,
  });
  const error = await result.then(
    () => undefined,
    (err: unknown) => err as TarmacError,
  );
  return { error, lines, clock };
}

describe('waitReady', () => {
  it('succeeds once every workload has pods and all are ready, saying each change once', async () => {
    const { error, lines, clock } = await run({
      group: group('datastorage', 'holmesgpt-api'),
      pods: polls(
        [],
        [pod('container-creating', 'datastorage')],
        [pod('container-creating', 'datastorage'), pod('err-image-pull', 'holmesgpt-api')],
        [pod('running-ready', 'datastorage'), pod('readiness-probe-failing', 'holmesgpt-api')],
        [pod('running-ready', 'datastorage'), pod('readiness-probe-failing', 'holmesgpt-api')],
        [
          pod('running-ready', 'datastorage'),
          pod('running-ready', 'holmesgpt-api'),
          pod('running-ready', 'holmesgpt-api', 'h-2'),
        ],
      ),
    });
    expect(error).toBeUndefined();
    expect(lines).toEqual([
      'Deployment/datastorage: NoPods (no pods yet)',
      'Deployment/holmesgpt-api: NoPods (no pods yet)',
      'Deployment/datastorage: ContainerCreating (container ixia-c is being created)',
      expect.stringMatching(/^Deployment\/holmesgpt-api: ErrImagePull \(container ixia-c: rpc error/),
      'Deployment/datastorage: ready (1/1 pods ready)',
      'Deployment/holmesgpt-api: ReadinessProbeFailing (Readiness probe failed: HTTP probe failed with statuscode: 503)',
      'Deployment/holmesgpt-api: ready (2/2 pods ready)',
    ]);
    expect(clock.sleeps).toEqual([2000, 2000, 2000, 2000, 2000]);
  });

  it.each([
    ['image-pull-backoff', 'ImagePullBackOff', /image was not delivered or the name differs/],
    ['err-image-never-pull', 'ErrImageNeverPull', /imagePullPolicy: Never/],
    ['crashloop', 'CrashLoopBackOff', /last exit code and log lines/],
    ['create-container-config-error', 'CreateContainerConfigError', /ConfigMap or Secret/],
  ])('fails fast on %s with DEPLOY_FAILED naming workload, pod, reason and detail', async (fixture, reason, hint) => {
    const { error, clock } = await run({
      group: group('api'),
      pods: polls([pod('running-ready', 'other')], [pod(fixture, 'api', 'api-7d9-x2')]),
    });
    expect(error).toBeInstanceOf(TarmacError);
    expect(error).toMatchObject({ code: 'DEPLOY_FAILED', exitCode: 4 });
    expect(error?.message).toMatch(new RegExp(`^deploy apps: Deployment/api: pod api-7d9-x2: ${reason} \\(.+\\)$`));
    expect(error?.hint).toMatch(hint);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('carries the evidence of a crash loop as details', async () => {
    const { error } = await run({ group: group('api'), pods: polls([pod('crashloop', 'api')]) });
    expect(error?.message).toBe(
      'deploy apps: Deployment/api: pod api-1: CrashLoopBackOff (container app keeps crashing: last exit code 42 (Error), 17 restarts)',
    );
    expect(error?.details).toContain('log: FATAL: missing required APP_BOOT_MODE');
    // What triage reads: the same, typed.
    expect(error?.fact).toEqual({
      type: 'workloads',
      workloads: [
        { workload: 'Deployment/api', state: 'failed', reason: 'CrashLoopBackOff', pod: 'api-1', exitCode: 42 },
      ],
    });
  });

  it('tolerates transient states until the deadline, then names every workload still not ready and why', async () => {
    const { error, clock, lines } = await run({
      group: group('datastorage', 'holmesgpt-api', 'aianalysis'),
      deadlineMs: 7000,
      pods: polls([
        pod('running-ready', 'datastorage'),
        pod('readiness-probe-failing', 'holmesgpt-api'),
        pod('unschedulable', 'aianalysis'),
      ]),
    });
    expect(error).toMatchObject({ code: 'DEPLOY_TIMEOUT', exitCode: 4 });
    expect(error?.message).toBe(
      'deploy apps: not ready after 7.0s: Deployment/holmesgpt-api: ReadinessProbeFailing (Readiness probe failed: HTTP probe failed with statuscode: 503); ' +
        "Deployment/aianalysis: Unschedulable (0/10 nodes are available: 10 node(s) didn't match node selector, 4 Insufficient cpu.)",
    );
    expect(error?.hint).toMatch(/readiness probe fails.*raise `timeouts\.deploy`/);
    expect(error?.fact).toEqual({
      type: 'workloads',
      workloads: [
        {
          workload: 'Deployment/holmesgpt-api',
          state: 'waiting',
          reason: 'ReadinessProbeFailing',
          pod: 'holmesgpt-api-1',
        },
        { workload: 'Deployment/aianalysis', state: 'waiting', reason: 'Unschedulable', pod: 'aianalysis-1' },
      ],
    });
    expect(error?.details).toContain(
      'Deployment/aianalysis: FailedScheduling: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );
    // The last sleep is cut to the deadline, and the pods are looked at once more there.
    expect(clock.sleeps).toEqual([2000, 2000, 2000, 1000]);
    expect(lines).toHaveLength(3);
  });

  it('formats a two-minute deadline like the rest of tarmac', async () => {
    const { error } = await run({ group: group('api'), pods: polls([]) });
    expect(error?.message).toBe('deploy apps: not ready after 2m00s: Deployment/api: NoPods (no pods yet)');
  });

  it('retries a failing pod listing and names it at the deadline', async () => {
    const pods = async (): Promise<PodView[]> => {
      throw new TarmacError('CLUSTER_UNREACHABLE', '`kubectl get pods` exited 1');
    };
    const { error, lines } = await run({ group: group('api'), deadlineMs: 5000, pods });
    expect(lines).toEqual(['could not list pods, will retry: `kubectl get pods` exited 1']);
    expect(error?.message).toBe(
      'deploy apps: not ready after 5.0s: the last pod listing failed: `kubectl get pods` exited 1',
    );
  });

  it('returns at once when there is nothing to wait for', async () => {
    const { error, lines, clock } = await run({ group: group(), pods: polls([]) });
    expect(error).toBeUndefined();
    expect(lines).toEqual(['no workloads to wait for']);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops when cancelled, keeping a watchdog’s own reason', async () => {
    const controller = new AbortController();
    const pods = async (): Promise<PodView[]> => {
      controller.abort();
      return [];
    };
    const { error } = await run({ group: group('api'), pods, signal: controller.signal });
    expect(error).toBeInstanceOf(CancelledError);
    const timedOut = new AbortController();
    const reason = new TarmacError('STEP_TIMEOUT', 'deploy:apps timed out after 5m00s');
    timedOut.abort(reason);
    expect((await run({ group: group('api'), pods: polls([]), signal: timedOut.signal })).error).toBe(reason);
  });

  it('matches pods to workloads by owner kind, name and namespace', async () => {
    const waitFor = [
      { kind: 'StatefulSet', name: 'db', namespace: 'data' },
      { kind: 'Pod', name: 'solo' },
    ];
    const ready = podFixture('running-ready');
    const { error, lines } = await run({
      group: { ...group(), waitFor },
      deadlineMs: 2000,
      pods: polls([
        { ...ready, name: 'db-0', owner: { kind: 'StatefulSet', name: 'db', namespace: 'other' } },
        { ...ready, name: 'db-0', owner: { kind: 'Deployment', name: 'db', namespace: 'data' } },
        { ...ready, name: 'solo' },
      ]),
    });
    expect(lines).toEqual(['StatefulSet/db (data): NoPods (no pods yet)', 'Pod/solo: ready (1/1 pods ready)']);
    expect(error?.code).toBe('DEPLOY_TIMEOUT');
  });

  it('waits for a condition of an object without pods (a CRD Established) through the target, then is ready', async () => {
    const crd = { kind: 'CustomResourceDefinition', name: 'widgets.example.com', condition: 'Established' };
    const readings = [
      { status: 'absent' as const, detail: 'not created yet' },
      { status: 'False' as const, detail: 'Installing: the names are not accepted yet' },
      { status: 'True' as const, detail: 'InitialNamesAccepted' },
    ];
    let read = 0;
    const { error, lines } = await run({
      group: { name: 'crds', objects: [], images: [], waitFor: [crd] },
      pods: polls([]),
      condition: async (ref) => {
        expect(ref).toEqual(crd);
        return readings[Math.min(read++, readings.length - 1)]!;
      },
    });
    expect(error).toBeUndefined();
    expect(lines).toEqual([
      'CustomResourceDefinition/widgets.example.com: NotFound (not created yet)',
      'CustomResourceDefinition/widgets.example.com: ConditionNotMet (Established is False: Installing: the names are not accepted yet)',
      'CustomResourceDefinition/widgets.example.com: ready (Established: InitialNamesAccepted)',
    ]);
  });

  it('times out naming the condition when the target cannot read conditions', async () => {
    const crd = { kind: 'CustomResourceDefinition', name: 'widgets.example.com', condition: 'Established' };
    const { error } = await run({
      group: { name: 'crds', objects: [], images: [], waitFor: [crd] },
      pods: polls([]),
      deadlineMs: 4000,
    });
    expect(error?.code).toBe('DEPLOY_TIMEOUT');
    expect(error?.message).toMatch(/Established is Unknown: this target cannot read object conditions/);
  });

  it('judges a condition on a workload (Deployment Available) by its pods', async () => {
    const { error, lines } = await run({
      group: { ...group(), waitFor: [{ kind: 'Deployment', name: 'api', condition: 'Available' }] },
      pods: polls([pod('running-ready', 'api')]),
    });
    expect(error).toBeUndefined();
    expect(lines).toEqual(['Deployment/api: ready (1/1 pods ready)']);
  });
});
