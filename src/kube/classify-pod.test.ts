import { describe, expect, it } from 'vitest';
import { podFixture } from '../../test/fixtures/kube/load.js';
import { classifyPod } from './classify-pod.js';
import type { PodView } from './types.js';

describe('classifyPod on recorded pods', () => {
  it.each([
    ['running-ready', 'ready', 'Ready'],
    ['container-creating', 'waiting', 'ContainerCreating'],
    ['pod-initializing', 'waiting', 'PodInitializing'],
    ['err-image-pull', 'waiting', 'ErrImagePull'],
    ['image-pull-backoff', 'failed', 'ImagePullBackOff'],
    ['err-image-never-pull', 'failed', 'ErrImageNeverPull'],
    ['crashloop', 'failed', 'CrashLoopBackOff'],
    ['create-container-config-error', 'failed', 'CreateContainerConfigError'],
    ['failed-restart-never', 'failed', 'ContainerFailed'],
    ['unschedulable', 'waiting', 'Unschedulable'],
    ['readiness-probe-failing', 'waiting', 'ReadinessProbeFailing'],
  ] as const)('%s -> %s %s', (fixture, state, reason) => {
    const verdict = classifyPod(podFixture(fixture));
    expect([verdict.state, verdict.reason]).toEqual([state, reason]);
  });

  it('names the exit code, restart count and log tail of a crash loop', () => {
    const verdict = classifyPod(podFixture('crashloop'));
    expect(verdict.pod).toBe('appconfigfail-7649c79dc5-pcxt8');
    expect(verdict.detail).toBe('container app keeps crashing: last exit code 42 (Error), 17 restarts');
    expect(verdict.evidence).toContain('log: FATAL: missing required APP_BOOT_MODE');
  });

  it('quotes the kubelet on image pulls and missing config', () => {
    expect(classifyPod(podFixture('image-pull-backoff')).detail).toBe(
      'container ixia-c: Back-off pulling image "ghcr.io/open-traffic-generator/licensed/ixia-c-controller:0.0.1-3807"',
    );
    expect(classifyPod(podFixture('err-image-pull')).detail).toContain('401 Unauthorized');
    const never = classifyPod(podFixture('err-image-never-pull'));
    expect(never.detail).toBe(
      'container ixia-c: Container image "log-pipeline-generator:latest" is not present with pull policy of Never',
    );
    expect(never.evidence).toEqual([
      'ErrImageNeverPull: Container image "log-pipeline-generator:latest" is not present with pull policy of Never',
    ]);
    expect(classifyPod(podFixture('create-container-config-error')).detail).toBe(
      "container app: couldn't find key APP_BOOT_MODE in ConfigMap aiops-e2e/rc-app-config",
    );
  });

  it('gives the scheduler’s message for an unschedulable pod', () => {
    const verdict = classifyPod(podFixture('unschedulable'));
    expect(verdict.detail).toBe("0/10 nodes are available: 10 node(s) didn't match node selector, 4 Insufficient cpu.");
    expect(verdict.evidence[0]).toMatch(/^FailedScheduling: 0\/1 nodes are available/);
  });

  it('gives the latest probe failure for a pod that runs but is not ready', () => {
    expect(classifyPod(podFixture('readiness-probe-failing')).detail).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
  });

  it('names the failed run-once container and its exit code', () => {
    const verdict = classifyPod(podFixture('failed-restart-never'));
    expect(verdict.detail).toBe('container app exited with code 42 (Error)');
    expect(verdict.evidence.at(-1)).toBe('log: FATAL: business config validation failed before server startup');
  });
});

describe('classifyPod on edge cases', () => {
  const base: PodView = { name: 'p', phase: 'Running', conditions: [], containers: [] };
  const container = { name: 'c', image: 'i', ready: false, restartCount: 0 } as const;

  it('treats a pending pod without statuses as Pending', () => {
    expect(classifyPod({ ...base, phase: 'Pending' })).toMatchObject({
      state: 'waiting',
      reason: 'Pending',
      detail: 'pod is pending',
    });
  });

  it('reads readiness from the containers when the target reports no conditions', () => {
    const pod = { ...base, containers: [{ ...container, ready: true, state: { running: {} } }] };
    expect(classifyPod(pod).state).toBe('ready');
    const notReady = { ...base, containers: [{ ...container, state: { running: {} } }] };
    expect(classifyPod(notReady)).toMatchObject({
      state: 'waiting',
      reason: 'NotReady',
      detail: 'containers with unready status: [c]',
    });
  });

  it('waits through a restart when the policy restarts the container', () => {
    const pod = {
      ...base,
      restartPolicy: 'Always' as const,
      containers: [{ ...container, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
    };
    expect(classifyPod(pod)).toMatchObject({
      state: 'waiting',
      reason: 'Restarting',
      detail: 'container c exited with code 1 (Error); restarting',
    });
  });

  it('fails on a stuck init container before looking at the others', () => {
    const pod: PodView = {
      ...base,
      phase: 'Pending',
      initContainers: [
        { ...container, name: 'migrate', state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 3 },
      ],
      containers: [{ ...container, state: { waiting: { reason: 'PodInitializing' } } }],
    };
    expect(classifyPod(pod)).toMatchObject({
      state: 'failed',
      reason: 'CrashLoopBackOff',
      detail: 'init container migrate keeps crashing: no exit code recorded, 3 restarts',
    });
  });

  it('waits for the replacement of an evicted pod, fails on other failed pods', () => {
    expect(
      classifyPod({ ...base, phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }),
    ).toMatchObject({ state: 'waiting', reason: 'Evicted', detail: 'The node was low on resource: memory.' });
    expect(classifyPod({ ...base, phase: 'Failed' })).toMatchObject({ state: 'failed', reason: 'PodFailed' });
  });

  it('treats a completed pod as ready and a startup probe failure as its own reason', () => {
    expect(classifyPod({ ...base, phase: 'Succeeded' })).toMatchObject({ state: 'ready', reason: 'Completed' });
    const starting: PodView = {
      ...base,
      conditions: [{ type: 'Ready', status: 'False' }],
      events: [
        {
          type: 'Warning',
          reason: 'Unhealthy',
          message: 'Startup probe failed: dial tcp 10.0.0.1:80: connect: connection refused',
        },
      ],
    };
    expect(classifyPod(starting)).toMatchObject({
      reason: 'StartupProbeFailing',
      detail: expect.stringContaining('connection refused'),
    });
  });
});
