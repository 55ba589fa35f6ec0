// Readiness per kind: every replica and ordinal must be ready, a Job is ready once its completions
// finished and failed (with its log lines) when a pod failed, `replicas: 0` is ready with no pod.
import { describe, expect, it } from 'vitest';
import { podFixture } from '../../test/fixtures/kube/load.js';
import { expectationsFor, expectedPods } from './expected-pods.js';
import type { KubeObject, PodView, WorkloadRef } from './types.js';
import { workloadStatuses } from './workload-status.js';

const object = (kind: string, name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name },
  spec,
});
const owned = (fixture: string, kind: string, owner: string, name: string, phase?: PodView['phase']): PodView => ({
  ...podFixture(fixture),
  name,
  owner: { kind, name: owner },
  ...(phase ? { phase } : {}),
});
const statusOf = (ref: WorkloadRef, objects: KubeObject[], pods: PodView[]) =>
  workloadStatuses([ref], pods, expectationsFor([ref], objects))[0]!;

describe('expectedPods', () => {
  it('reads replicas, completions, and leaves a DaemonSet open', () => {
    expect(expectedPods(object('StatefulSet', 'db', { replicas: 3 }))).toEqual({ count: 3, completions: false });
    expect(expectedPods(object('Deployment', 'web'))).toEqual({ count: 1, completions: false });
    expect(expectedPods(object('Job', 'migrate', { completions: 2 }))).toEqual({ count: 2, completions: true });
    expect(expectedPods(object('DaemonSet', 'agent'))).toBeUndefined();
  });
});

describe('workloadStatuses with expectations', () => {
  const db = { kind: 'StatefulSet', name: 'db' };
  const sts = [object('StatefulSet', 'db', { replicas: 2 })];

  it('waits for every ordinal: one ready pod of two is not ready', () => {
    const status = statusOf(db, sts, [owned('running-ready', 'StatefulSet', 'db', 'db-0')]);
    expect(status).toMatchObject({ state: 'waiting', reason: 'ReplicasNotReady', detail: '1/2 pods ready' });
    const both = statusOf(db, sts, [
      owned('running-ready', 'StatefulSet', 'db', 'db-0'),
      owned('running-ready', 'StatefulSet', 'db', 'db-1'),
    ]);
    expect(both).toMatchObject({ state: 'ready', detail: '2/2 pods ready' });
  });

  it('is ready with no pod when the manifest wants none', () => {
    const web = { kind: 'Deployment', name: 'web' };
    expect(statusOf(web, [object('Deployment', 'web', { replicas: 0 })], [])).toMatchObject({ state: 'ready' });
  });

  it('calls a Job ready once its pod completed, even after a failed attempt', () => {
    const job = { kind: 'Job', name: 'migrate' };
    const objects = [object('Job', 'migrate')];
    const failed = owned('failed-restart-never', 'Job', 'migrate', 'migrate-a');
    const done = owned('running-ready', 'Job', 'migrate', 'migrate-b', 'Succeeded');
    expect(statusOf(job, objects, [failed, done])).toMatchObject({ state: 'ready', detail: '1/1 pods completed' });
  });

  it('fails a Job whose pod failed, with the classified reason and the log lines', () => {
    const job = { kind: 'Job', name: 'migrate' };
    const failed = { ...owned('failed-restart-never', 'Job', 'migrate', 'migrate-a') };
    failed.containers = failed.containers.map((c) => ({ ...c, logTail: ['error: relation "users" exists'] }));
    const status = statusOf(job, [object('Job', 'migrate')], [failed]);
    expect(status).toMatchObject({ state: 'failed', reason: 'ContainerFailed', pod: 'migrate-a' });
    expect(status.detail).toMatch(/exited with code 42/);
    expect(status.evidence).toContain('log: error: relation "users" exists');
  });

  it('keeps the old behaviour without an expectation (a DaemonSet: all of its pods ready)', () => {
    const agent = { kind: 'DaemonSet', name: 'agent' };
    expect(
      statusOf(agent, [object('DaemonSet', 'agent')], [owned('running-ready', 'DaemonSet', 'agent', 'agent-x')]),
    ).toMatchObject({ state: 'ready', detail: '1/1 pods ready' });
  });
});
