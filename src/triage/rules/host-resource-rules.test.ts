// The rules for the host's own limits: memory (the OOM killer) and disk space.
import { describe, expect, it } from 'vitest';
import { disk, inputOf, journal, kindEnv, recordedRun, runOf } from '../triage.test-kit.js';
import { diskFull } from './disk-full.js';
import { oomKilled } from './oom-killed.js';

describe('oom-killed', () => {
  const load = journal([
    {
      id: 'deliver:holmesgpt-api',
      error: {
        code: 'KIND_LOAD_FAILED',
        message:
          'kind load image-archive of localhost/holmesgpt-api:tm-1 into aianalysis-e2e failed: failed to load image: command "podman exec --privileged -i aianalysis-e2e-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -" failed with error: exit status 137',
        tail: ['ctr: progress stream failed to recv: error reading from server: EOF'],
      },
    },
  ]);

  it('matches exit 137 of the in-node import (kubernaut #6)', () => {
    const m = oomKilled.match(inputOf(runOf(load, kindEnv('aianalysis-e2e'))))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.7);
    expect(m.summary).toMatch(/image import into the kind node was killed/);
  });

  it("near miss: the test suite's own output saying OOMKilled (an alert name it sends) is not a kill", () => {
    const t = journal([
      {
        id: 'test',
        error: {
          code: 'TESTS_FAILED',
          message: 'tests failed: 0 passed, 7 failed, 0 skipped',
          tail: [
            'FAILED investigate: GET http://127.0.0.1:9/cgi-bin/investigate?alert=OOMKilled failed: connect ECONNREFUSED 127.0.0.1:9',
          ],
        },
      },
    ]);
    expect(oomKilled.match(inputOf(runOf(t)))).toBeUndefined();
  });

  it("near miss: a step stopped by tarmac's own timeout", () => {
    const t = journal([
      {
        id: 'build:x',
        error: {
          code: 'STEP_TIMEOUT',
          message:
            'build:x timed out after 8.0s (no output for 7.5s); engine probe: healthy, podman 4.3.1 answered in 36ms',
          tail: ['subprocess exited on killed'],
        },
      },
    ]);
    expect(oomKilled.match(inputOf(runOf(t)))).toBeUndefined();
  });
});

describe('disk-full', () => {
  const enospc = journal([
    {
      id: 'build:api',
      error: {
        code: 'BUILD_FAILED',
        message: 'image api failed to build at STEP 2/3: COPY big.bin /big.bin (exited 125)',
        tail: [
          'Error: committing container for step {Env:[] Command:copy Args:[big.bin /big.bin]}: copying layers and metadata for container "5f0c": writing blob: adding layer with blob "sha256:9d1b": processing tar file(write /big.bin: no space left on device): exit status 1',
        ],
      },
    },
  ]);

  it('matches "no space left on device" and names the full mount', () => {
    const m = diskFull.match(
      inputOf(runOf(enospc), {
        disk: disk([
          {
            label: 'engine storage',
            path: '/var/lib/containers/storage',
            freeBytes: 3 * 1024 * 1024,
            totalBytes: 64 * 1024 * 1024,
          },
        ]),
      }),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m.summary).toMatch(/engine storage \(\/var\/lib\/containers\/storage\) is full/);
    expect(m.actions[0]).toBe('df -h /var/lib/containers/storage');
  });

  it('low free space alone is only a weak hint', () => {
    const m = diskFull.match(
      inputOf(recordedRun('build-failed'), {
        disk: disk([{ label: 'temp', path: '/tmp', freeBytes: 10, totalBytes: 1e9 }]),
      }),
    )!;
    expect(m.confidence).toBeLessThan(0.5);
  });

  it('near miss: plenty of space and no ENOSPC', () => {
    expect(
      diskFull.match(
        inputOf(recordedRun('build-failed'), {
          disk: disk([{ label: 'temp', path: '/tmp', freeBytes: 5e10, totalBytes: 1e11 }]),
        }),
      ),
    ).toBeUndefined();
  });
});
