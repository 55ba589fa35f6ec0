// Docker Hub's answer to a pull of a repository it does not serve to this client: DENIED ("requested access to the
// resource is denied") with UNAUTHORIZED ("authentication required"), as podman prints it. A missing repository and
// a private one get the same pair (podman#1195), so neither verdict is sure; near misses: a push, a private registry.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import { imagePullFailed } from './image-pull-failed.js';
import { registryAuth } from './registry-auth.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

const HUB_PAIR = ['denied: requested access to the resource is denied', 'unauthorized: authentication required'];

describe("Docker Hub's DENIED + UNAUTHORIZED pair on a pull", () => {
  it('a podman pull: the image first (45%), credentials below 50%', () => {
    const input = inputOf(
      runWith('pull:api', 'IMAGE_PULL_FAILED', [
        'Trying to pull docker.io/org/api-x:latest...',
        'Error: initializing source docker://org/api-x:latest: reading manifest latest in docker.io/org/api-x: errors:',
        ...HUB_PAIR,
      ]),
    );
    const pull = imagePullFailed.match(input)!;
    expect(pull.confidence).toBe(0.45);
    expect(pull.explains).toContain('registry-auth');
    expect(registryAuth.match(input)?.confidence).toBe(0.4);
  });

  it("a podman build whose FROM image gets the pair is the base image, not the build's credentials", () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'STEP 1/3: FROM org/base:1',
        'Error: creating build container: initializing source docker://org/base:1: reading manifest 1 in docker.io/org/base: errors:',
        ...HUB_PAIR,
      ]),
    );
    expect(imagePullFailed.match(input)?.confidence).toBe(0.45);
    expect(imagePullFailed.match(input)?.summary).toMatch(/base image/);
    expect(registryAuth.match(input)?.confidence).toBe(0.4);
  });

  it('near miss: the same pair on a push is missing credentials (a push cannot mean a missing repository)', () => {
    const input = inputOf(
      runWith('deliver:api', 'ENGINE_COMMAND_FAILED', [
        'Error: writing blob: initiating layer upload to /v2/org/api/blobs/uploads/ in registry-1.docker.io: errors:',
        ...HUB_PAIR,
      ]),
    );
    expect(registryAuth.match(input)?.confidence).toBe(0.9);
  });

  it('near miss: UNAUTHORIZED alone from a private registry on a pull stays a credential verdict', () => {
    const input = inputOf(
      runWith('pull:api', 'IMAGE_PULL_FAILED', [
        'Error: initializing source docker://registry.example.com/org/api:1: reading manifest 1 in registry.example.com/org/api: unauthorized: authentication required',
      ]),
    );
    expect(registryAuth.match(input)?.confidence).toBe(0.9);
  });

  it('near miss: the pair beside a token service that answered 401 is credentials', () => {
    const input = inputOf(
      runWith('pull:api', 'IMAGE_PULL_FAILED', [
        'failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized',
        ...HUB_PAIR,
      ]),
    );
    expect(registryAuth.match(input)?.confidence).toBe(0.9);
  });
});
