// The rules that read a pod's own state: crash loops, probes, scheduling and missing references.
import { describe, expect, it } from 'vitest';
import { inputOf } from '../triage.test-kit.js';
import { crashLoop } from './crash-loop.js';
import { missingConfigRef } from './missing-config-ref.js';
import { missingServiceAccount } from './missing-serviceaccount.js';
import { readinessProbe } from './readiness-probe.js';
import { unschedulable } from './unschedulable.js';

import { C, deployFail } from './deploy-rules.test-kit.js';

describe('crash-loop', () => {
  const run = deployFail(
    'DEPLOY_FAILED',
    'deploy apps: Deployment/api: pod api-7d9c-x2k4q: CrashLoopBackOff (container api keeps crashing: last exit code 2, 4 restarts)',
    [
      'BackOff: Back-off restarting failed container api in pod api-7d9c-x2k4q_default',
      'log: exec: --: invalid option',
    ],
    {
      type: 'workloads',
      workloads: [
        { workload: 'Deployment/api', state: 'failed', reason: 'CrashLoopBackOff', pod: 'api-7d9c-x2k4q', exitCode: 2 },
      ],
    },
  );
  it('quotes the exit code and the log tail, and names the pod in the actions', () => {
    const m = crashLoop.match(inputOf(run))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/^Pod api-7d9c-x2k4q: its container starts and exits with code 2/);
    expect(m.evidence.join('\n')).toMatch(/exec: --: invalid option/);
    expect(m.actions[0]).toBe(`kubectl --context kind-${C} logs api-7d9c-x2k4q --previous`);
  });
  it('reads a container that restarts after a non-zero exit from the deploy timeout’s fact', () => {
    const m = crashLoop.match(
      inputOf(
        deployFail(
          'DEPLOY_TIMEOUT',
          'deploy apps: not ready after 5m: Deployment/api: Restarting (container api exited with code 3 (Error); restarting)',
          [],
          {
            type: 'workloads',
            workloads: [{ workload: 'Deployment/api', state: 'waiting', reason: 'Restarting', exitCode: 3 }],
          },
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/^A pod: its container starts and exits with code 3/);
  });
  it('near miss: an image pull failure is not a crash loop', () => {
    expect(
      crashLoop.match(
        inputOf(
          deployFail(
            'DEPLOY_FAILED',
            'deploy apps: Deployment/api: pod api-1: ImagePullBackOff (container api: Back-off pulling image "localhost/api:tm-1")',
          ),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('missing-serviceaccount', () => {
  it('matches serviceaccount not found (kubernaut #14)', () => {
    const m = missingServiceAccount.match(
      inputOf(
        deployFail(
          'DEPLOY_TIMEOUT',
          'deploy data: not ready after 5m: Deployment/data-storage: NoPods (no pod was created)',
          [
            'Deployment/data-storage: FailedCreate: Error creating: pods "data-storage-5d8f-" is forbidden: error looking up service account default/data-storage-sa: serviceaccount "data-storage-sa" not found',
          ],
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/ServiceAccount data-storage-sa does not exist/);
  });
  it('near miss: a crash loop', () => {
    expect(
      missingServiceAccount.match(
        inputOf(deployFail('DEPLOY_FAILED', 'deploy apps: Deployment/api: pod api-1: CrashLoopBackOff (x)')),
      ),
    ).toBeUndefined();
  });
});

describe('missing-config-ref', () => {
  it('matches CreateContainerConfigError', () => {
    const m = missingConfigRef.match(
      inputOf(
        deployFail(
          'DEPLOY_FAILED',
          'deploy apps: Deployment/api: pod api-1: CreateContainerConfigError (container api: configmap "api-config" not found)',
        ),
      ),
    )!;
    expect(m.summary).toMatch(/configmap api-config does not exist/);
  });
  it('near miss: an unrelated deploy timeout', () => {
    expect(
      missingConfigRef.match(
        inputOf(
          deployFail(
            'DEPLOY_TIMEOUT',
            'deploy apps: not ready after 5m: api: NotReady (containers with unready status: [api])',
          ),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('unschedulable', () => {
  it('matches Insufficient memory', () => {
    const m = unschedulable.match(
      inputOf(
        deployFail(
          'DEPLOY_TIMEOUT',
          'deploy apps: not ready after 5m: Deployment/api: Unschedulable (0/1 nodes are available: 1 Insufficient memory.)',
        ),
      ),
    )!;
    expect(m.summary).toMatch(/enough memory/);
  });
  it('near miss: readiness probe failing', () => {
    expect(
      unschedulable.match(
        inputOf(
          deployFail(
            'DEPLOY_TIMEOUT',
            'deploy apps: not ready after 5m: Deployment/api: ReadinessProbeFailing (Readiness probe failed: HTTP probe failed with statuscode: 404)',
          ),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('readiness-probe-failing', () => {
  it('matches a failing readiness probe', () => {
    const m = readinessProbe.match(
      inputOf(
        deployFail(
          'DEPLOY_TIMEOUT',
          'deploy apps: not ready after 5m: Deployment/api: ReadinessProbeFailing (Readiness probe failed: HTTP probe failed with statuscode: 404)',
        ),
      ),
    )!;
    expect(m.summary).toMatch(/HTTP probe failed with statuscode: 404/);
  });
  it('near miss: unschedulable', () => {
    expect(
      readinessProbe.match(
        inputOf(
          deployFail(
            'DEPLOY_TIMEOUT',
            'deploy apps: not ready after 5m: Deployment/api: Unschedulable (0/1 nodes are available)',
          ),
        ),
      ),
    ).toBeUndefined();
  });
});
