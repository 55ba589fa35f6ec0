import { describe, expect, it } from 'vitest';
import { inputOf, journal, kindEnv, recordedRun, runOf, workloads } from '../triage.test-kit.js';
import { deployApplyFailed } from './deploy-apply-failed.js';
import { imageNotLocal } from './image-not-local.js';
import { imagePullFailed } from './image-pull-failed.js';
import { kindLoadFailed } from './kind-load-failed.js';
import { kindLoadSnapshotter } from './kind-load-snapshotter.js';
import { registryAuth } from './registry-auth.js';

import { C, deployFail, env, pod } from './deploy-rules.test-kit.js';

describe('image-pull-failed', () => {
  it('matches ErrImageNeverPull from the kubelet', () => {
    const m = imagePullFailed.match(
      inputOf(
        deployFail(
          'DEPLOY_FAILED',
          'deploy apps: Deployment/api: pod api-1: ErrImageNeverPull (container api: Container image "localhost/api:tm-1" is not present with pull policy of Never)',
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/imagePullPolicy: Never forbids pulling it/);
  });
  it("near miss: a pull denied for credentials is registry-auth's, so this stays low", () => {
    const m = imagePullFailed.match(
      inputOf(
        deployFail(
          'DEPLOY_FAILED',
          'deploy apps: Deployment/api: pod api-1: ImagePullBackOff (container api: Back-off pulling image "ghcr.io/acme/api:pr-24")',
        ),
        {
          workloads: workloads([
            pod({
              reasons: ['ImagePullBackOff'],
              events: ['Failed: Failed to pull image "ghcr.io/acme/api:pr-24": failed to authorize: 403 Forbidden'],
            }),
          ]),
        },
      ),
    )!;
    expect(m.confidence).toBeLessThan(0.85);
  });
});

describe('image-not-local', () => {
  it("matches the podman target's IMAGE_NOT_FOUND at deploy", () => {
    const m = imageNotLocal.match(
      inputOf(
        deployFail(
          'IMAGE_NOT_FOUND',
          "deploy group apps: image localhost/no-such-image:1 does not exist in podman's image store",
          ['localhost/no-such-image:1 (container api of Deployment/api, apps.yaml:17)'],
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions[0]).toBe('podman image inspect localhost/no-such-image:1');
  });
  it('near miss: a build failure', () => {
    expect(imageNotLocal.match(inputOf(recordedRun('build-failed')))).toBeUndefined();
  });
});

describe('kind-load-failed', () => {
  const run = runOf(
    journal([
      {
        id: 'deliver:api',
        error: {
          code: 'KIND_LOAD_FAILED',
          message: `kind load image-archive of localhost/api:tm-1 into ${C} failed: failed to load image: command "podman exec --privileged -i ${C}-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -" failed with error: exit status 1`,
          tail: ['Command Output: ctr: content digest sha256:4c1e0f: not found'],
        },
      },
    ]),
    env,
  );
  it('recognises the containerd image store digest error', () => {
    const m = kindLoadFailed.match(inputOf(run))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
  });
  it('near miss: a load that failed because the node is stopped stays low', () => {
    const stopped = runOf(
      journal([
        {
          id: 'deliver:api',
          error: {
            code: 'KIND_LOAD_FAILED',
            message: 'kind load image-archive failed',
            tail: ['Error: can only create exec sessions on running containers: container state improper'],
          },
        },
      ]),
      env,
    );
    expect(kindLoadFailed.match(inputOf(stopped))!.confidence).toBeLessThan(0.5);
  });
});

describe('kind-load-snapshotter', () => {
  it('matches the snapshotter error on a stopped node (kubernaut #8)', () => {
    const run = runOf(
      journal([
        {
          id: 'deliver:api',
          error: {
            code: 'KIND_LOAD_FAILED',
            message: 'kind load image-archive failed: failed to detect containerd snapshotter',
            tail: [
              'ERROR: failed to detect containerd snapshotter: command "podman exec --privileged shop-e2e-control-plane containerd config dump" failed with error: exit status 255',
              'Command Output: Error: can only create exec sessions on running containers: container state improper',
            ],
          },
        },
      ]),
      env,
    );
    const m = kindLoadSnapshotter.match(inputOf(run))!;
    expect(m.summary).toMatch(/not running/);
  });
  it('near miss: no snapshotter text', () => {
    expect(kindLoadSnapshotter.match(inputOf(recordedRun('engine-lost', env)))).toBeUndefined();
  });
});

describe('deploy-apply-failed', () => {
  it('matches a custom resource applied before its CRD', () => {
    const m = deployApplyFailed.match(
      inputOf(
        deployFail(
          'DEPLOY_APPLY_FAILED',
          'kubectl apply of deploy group apps failed: error: resource mapping not found for name: "x" namespace: "" from "crs.yaml": no matches for kind "Widget" in version "acme.io/v1"',
          ['ensure CRDs are installed first'],
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/before its CRD/);
  });
  it('matches a manifest `podman kube play` refused on the podman target (ENGINE_COMMAND_FAILED of a deploy step)', () => {
    const m = deployApplyFailed.match(
      inputOf(
        deployFail(
          'ENGINE_COMMAND_FAILED',
          'podman kube play of Deployment/app (manifests/app.yaml) failed (exit code 125)',
          [
            "Error: unable to read YAML as Kube Pod: error unmarshaling JSON: while decoding JSON: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          ],
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/^podman kube play of .* was rejected: podman names the object it refused/);
  });
  it('near miss: an engine command of a build step is not a manifest', () => {
    const events = journal([
      {
        id: 'build:api',
        error: { code: 'ENGINE_COMMAND_FAILED', message: 'podman kube play of Deployment/app failed' },
      },
    ]);
    expect(deployApplyFailed.match(inputOf(runOf(events)))).toBeUndefined();
  });
  it('near miss: apply failed because the API is down', () => {
    const m = deployApplyFailed.match(
      inputOf(
        deployFail(
          'DEPLOY_APPLY_FAILED',
          'kubectl apply of deploy group apps failed: The connection to the server 127.0.0.1:41234 was refused - did you specify the right host or port?',
        ),
      ),
    )!;
    expect(m.confidence).toBeLessThan(0.5);
  });
});

describe('registry-auth', () => {
  it('matches REGISTRY_AUTH', () => {
    const run = runOf(
      journal([
        {
          id: 'build:api',
          error: {
            code: 'REGISTRY_AUTH',
            message: 'The registry at ghcr.io refused the request (HTTP 403) when checking ghcr.io/acme/api:tm-1',
          },
        },
      ]),
      kindEnv(C, { registryUrl: 'ghcr.io/acme' }),
    );
    const m = registryAuth.match(inputOf(run))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions[0]).toBe('podman login ghcr.io');
  });
  it('names the registry from the error’s fact when the env has no registry (an error thrown before the run)', () => {
    const run = runOf(
      journal([
        {
          id: 'build:api',
          error: {
            code: 'REGISTRY_AUTH',
            message: 'The registry at ghcr.io refused the request (HTTP 403) when checking ghcr.io/acme/api:tm-1',
            fact: { type: 'registry', host: 'ghcr.io' },
          },
        },
      ]),
    );
    expect(registryAuth.match(inputOf(run))!.actions[0]).toBe('podman login ghcr.io');
  });
  it('near miss: an unreachable registry is not an auth problem', () => {
    const run = runOf(
      journal([
        {
          id: 'build:api',
          error: {
            code: 'REGISTRY_UNREACHABLE',
            message: 'Cannot reach the registry at http://127.0.0.1:5000 (connection refused)',
          },
        },
      ]),
    );
    expect(registryAuth.match(inputOf(run))).toBeUndefined();
  });
});
