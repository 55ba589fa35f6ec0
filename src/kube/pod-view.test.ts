import { describe, expect, it } from 'vitest';
import { podFixture, readPodFixture } from '../../test/fixtures/kube/load.js';
import { podViewFromKubePod, podViewsFromKubeList } from './pod-view.js';

describe('podViewFromKubePod', () => {
  it('maps a crash-looping Deployment pod: owner through the pod-template-hash, states, log tail', () => {
    const view = podFixture('crashloop');
    expect(view.name).toBe('appconfigfail-7649c79dc5-pcxt8');
    expect(view.owner).toEqual({ kind: 'Deployment', name: 'appconfigfail', namespace: 'aiops-e2e' });
    expect(view.phase).toBe('Running');
    expect(view.restartPolicy).toBe('Always');
    const [app] = view.containers;
    expect(app?.image).toBe('busybox:1.36');
    expect(app?.restartCount).toBe(17);
    expect(app?.state).toEqual({
      waiting: { reason: 'CrashLoopBackOff', message: expect.stringContaining('back-off 5m0s') },
    });
    expect(app?.lastState).toEqual({ terminated: { exitCode: 42, reason: 'Error' } });
    expect(app?.logTail?.at(-1)).toBe('FATAL: business config validation failed before server startup');
  });

  it('keeps a ReplicaSet owner whose name does not end in the template hash', () => {
    const { pod } = readPodFixture('crashloop');
    const labels = (pod.metadata as { labels: Record<string, string> }).labels;
    const other = {
      ...pod,
      metadata: { ...(pod.metadata as object), labels: { ...labels, 'pod-template-hash': 'abc' } },
    };
    expect(podViewFromKubePod(other).owner).toEqual({
      kind: 'ReplicaSet',
      name: 'appconfigfail-7649c79dc5',
      namespace: 'aiops-e2e',
    });
  });

  it('maps init containers, conditions and other controllers', () => {
    const view = podFixture('pod-initializing');
    expect(view.owner).toEqual({ kind: 'CEosLabDevice', name: 'ceos', namespace: 'multivendor' });
    expect(view.initContainers?.map((c) => [c.name, c.state])).toEqual([
      ['init-ceos', { waiting: { reason: 'PodInitializing' } }],
    ]);
    expect(view.conditions.find((c) => c.type === 'Initialized')).toEqual({
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-ceos]',
    });
  });

  it('lists spec containers that have no status yet (an unscheduled pod)', () => {
    const view = podFixture('unschedulable');
    expect(view.containers).toEqual([{ name: 'api', image: 'api', ready: false, restartCount: 0, state: {} }]);
    expect(view.events).toEqual([
      { type: 'Warning', reason: 'FailedScheduling', message: expect.stringContaining('0/1 nodes are available') },
    ]);
  });

  it('keeps only the pod’s own events, oldest first, in both event API versions', () => {
    const events = [
      {
        involvedObject: { kind: 'Pod', name: 'p' },
        reason: 'B',
        message: 'second',
        type: 'Warning',
        lastTimestamp: '2024-01-01T00:00:02Z',
      },
      { involvedObject: { kind: 'Pod', name: 'other' }, reason: 'X', message: 'not mine', type: 'Normal' },
      {
        regarding: { kind: 'Pod', name: 'p' },
        reason: 'A',
        note: 'first',
        type: 'Normal',
        eventTime: '2024-01-01T00:00:01Z',
      },
      {
        involvedObject: { kind: 'ReplicaSet', name: 'p' },
        reason: 'R',
        message: 'a ReplicaSet of the same name',
        type: 'Normal',
      },
    ];
    const view = podViewFromKubePod({ metadata: { name: 'p' } }, { events });
    expect(view.events).toEqual([
      { reason: 'A', message: 'first', type: 'Normal' },
      { reason: 'B', message: 'second', type: 'Warning' },
    ]);
    expect(view.phase).toBe('Unknown');
    expect(view.containers).toEqual([]);
  });

  it('maps every item of a List', () => {
    const list = {
      kind: 'List',
      items: [readPodFixture('running-ready').pod, readPodFixture('image-pull-backoff').pod],
    };
    expect(podViewsFromKubeList(list).map((p) => [p.name, p.phase])).toEqual([
      ['ceos', 'Running'],
      ['otg-controller', 'Pending'],
    ]);
  });
});
