// What a registry (or a proxy in front of it) answered, in the clients' documented forms (issue 14), each with a
// near miss: a build's base image the registry does not serve, the registry's DENIED code and containerd's 403,
// a pull secret the kubelet could not read, Docker Hub's insufficient_scope for a repository that may not exist,
// and apt's peer port showing that a fetch went to a proxy.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { buildFailed } from './build-failed.js';
import { imagePullFailed } from './image-pull-failed.js';
import { proxy } from './proxy.js';
import { registryAuth } from './registry-auth.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

function pullingPod(event: string): PodFacts {
  return {
    name: 'api-0',
    phase: 'Pending',
    ready: false,
    restarts: 0,
    reasons: ['ErrImagePull'],
    images: ['docker.io/org/api:1'],
    events: [event],
    logTail: [],
  };
}

describe("a build's base image that its registry does not serve", () => {
  it("BuildKit's source metadata `not found` is the image, not the instruction", () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'ERROR: failed to solve: pyhton:3.12: failed to resolve source metadata for docker.io/library/pyhton:3.12: docker.io/library/pyhton:3.12: not found',
      ]),
    );
    const m = imagePullFailed.match(input)!;
    expect(m.confidence).toBe(0.85);
    expect(m.summary).toMatch(/base image docker\.io\/library\/pyhton:3\.12/);
    expect(buildFailed.match(input)?.confidence).toBe(0.4);
  });

  it('near miss: a base image refused as "may require authorization" stays below 50% (two causes)', () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'ERROR: failed to solve: org/base:1: failed to resolve source metadata for docker.io/org/base:1: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      ]),
    );
    expect(imagePullFailed.match(input)?.confidence).toBe(0.45);
    expect(registryAuth.match(input)?.confidence).toBe(0.4);
  });
});

describe("the registry's refusals in their clients' forms", () => {
  it("a push ending in the registry's DENIED code on a line of its own", () => {
    const run = runWith('deliver:api', 'ENGINE_COMMAND_FAILED', [
      'The push refers to repository [registry.gitlab.com/g/p/api]',
      'denied: access forbidden',
    ]);
    expect(registryAuth.match(inputOf(run))?.confidence).toBe(0.9);
  });

  it("containerd's 403 on the manifest and a pull secret the kubelet could not read", () => {
    for (const event of [
      'Failed to pull image "ghcr.io/org/api:1": failed to resolve reference "ghcr.io/org/api:1": unexpected status from HEAD request to https://ghcr.io/v2/org/api/manifests/1: 403 Forbidden',
      'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
    ]) {
      const input = inputOf(runWith('deploy:api', 'DEPLOY_TIMEOUT', []), {
        workloads: workloads([pullingPod(event)]),
      });
      expect(registryAuth.match(input)?.confidence).toBe(0.9);
    }
  });

  it('near miss: a line merely containing "denied" is no registry code', () => {
    const run = runWith('deliver:api', 'ENGINE_COMMAND_FAILED', ['open /var/lib/x: permission denied']);
    expect(registryAuth.match(inputOf(run))).toBeUndefined();
  });
});

describe("apt's peer port: a fetch that went to a proxy", () => {
  const apt = (port: string) =>
    runWith('build:api', 'BUILD_FAILED', [
      'Err:1 http://deb.debian.org/debian bookworm InRelease',
      `  403  Forbidden [IP: 10.0.0.1 ${port}]`,
      'Error: building at STEP "RUN apt-get update": while running runtime: exit status 100',
    ]);

  it('a peer on port 3128 is a proxy, and the instruction defers to it', () => {
    const input = inputOf(apt('3128'));
    expect(proxy.match(input)?.confidence).toBe(0.75);
    expect(buildFailed.match(input)?.confidence).toBe(0.3);
  });

  it('near miss: the same 403 from the server itself (port 80) is no proxy', () => {
    expect(proxy.match(inputOf(apt('80')))).toBeUndefined();
  });
});
