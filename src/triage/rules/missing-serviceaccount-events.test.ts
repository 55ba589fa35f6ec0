import { describe, expect, it } from 'vitest';
import { controllerWarnings } from '../../targets/kind/evidence/workload-facts.js';
import { inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import { missingServiceAccount } from './missing-serviceaccount.js';

// A ReplicaSet controller event as `kubectl get events -o json` prints it when the pod's ServiceAccount is missing.
const FAILED_CREATE = {
  apiVersion: 'v1',
  kind: 'Event',
  type: 'Warning',
  reason: 'FailedCreate',
  message:
    'Error creating: pods "data-storage-5d8f9c7b6-" is forbidden: error looking up service account default/data-storage-sa: serviceaccount "data-storage-sa" not found',
  involvedObject: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'data-storage-5d8f9c7b6', namespace: 'default' },
};
const noPods = runOf(
  journal([
    { id: 'cluster' },
    {
      id: 'deploy:data',
      error: {
        code: 'DEPLOY_TIMEOUT',
        message: 'deploy data: not ready after 18s: Deployment/data-storage: NoPods (no pods yet)',
      },
    },
  ]),
  kindEnv('shop-e2e'),
);

describe('missing-serviceaccount from controller events (no pod was ever created)', () => {
  it('keeps Warning events of controllers, not those of pods or Normal ones', () => {
    const pod = { ...FAILED_CREATE, involvedObject: { kind: 'Pod', name: 'x' } };
    const normal = { ...FAILED_CREATE, type: 'Normal', reason: 'SuccessfulCreate' };
    expect(controllerWarnings([FAILED_CREATE, pod, normal])).toEqual([
      `ReplicaSet/data-storage-5d8f9c7b6 FailedCreate: ${FAILED_CREATE.message}`,
    ]);
  });

  it('names the ServiceAccount from the ReplicaSet FailedCreate event', () => {
    const workloads = {
      name: 'workloads',
      ok: true,
      timedOut: false,
      durationMs: 1,
      raw: '',
      data: { pods: [], controllerEvents: controllerWarnings([FAILED_CREATE]) },
    };
    const m = missingServiceAccount.match(inputOf(noPods, { workloads }))!;
    expect(m.summary).toMatch(/ServiceAccount data-storage-sa does not exist/);
    expect(m.evidence.join('\n')).toMatch(/ReplicaSet\/data-storage-5d8f9c7b6 FailedCreate/);
  });

  it('near miss: a pods-only deploy timeout without such an event does not match', () => {
    expect(
      missingServiceAccount.match(
        inputOf(noPods, {
          workloads: { name: 'workloads', ok: true, timedOut: false, durationMs: 1, raw: '', data: { pods: [] } },
        }),
      ),
    ).toBeUndefined();
  });
});
