// ENOSPC that is no full disk (issue 14): podman's lock allocation when containers.conf's num_locks are all taken
// (podman-system-renumber(1)), and /dev/shm, a memory-backed tmpfs sized by --shm-size. Near misses: a real write
// that found no space, and /dev/shm beside a disk that is really low.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { inputOf, journal, kindEnv, runOf } from '../triage.test-kit.js';
import { diskFull } from './disk-full.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

const lowTemp = {
  disk: {
    name: 'disk' as const,
    ok: true,
    timedOut: false,
    durationMs: 1,
    raw: '',
    data: { mounts: [{ label: 'temp' as const, path: '/tmp', freeBytes: 1024, totalBytes: 10 * 1024 ** 3 }] },
  },
};

describe('ENOSPC that is no full disk', () => {
  it("podman's lock allocation is num_locks, not a disk: no disk-full verdict", () => {
    const input = inputOf(
      runWith('test', 'TESTS_FAILED', ['Error: error allocating lock for new container: no space left on device']),
    );
    expect(diskFull.match(input)).toBeUndefined();
  });

  it('near miss: a layer write that found no space is the disk (90%)', () => {
    const input = inputOf(
      runWith('build:api', 'BUILD_FAILED', [
        'Error: writing blob: adding layer with blob "sha256:d80": processing tar file(exit status 1): write /u01/jdk/lib/x.so: no space left on device',
      ]),
    );
    expect(diskFull.match(input)?.confidence).toBe(0.9);
  });

  it("/dev/shm full is the container's shared memory: named, and below 50%", () => {
    const input = inputOf(
      runWith('test', 'TESTS_FAILED', ["OSError: [Errno 28] No space left on device: '/dev/shm/pym-1'"]),
    );
    const m = diskFull.match(input)!;
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/--shm-size/);
  });

  it('near miss: /dev/shm beside a disk that is really low stays the disk', () => {
    const input = inputOf(
      runWith('test', 'TESTS_FAILED', ["OSError: [Errno 28] No space left on device: '/dev/shm/pym-1'"]),
      lowTemp,
    );
    expect(diskFull.match(input)?.confidence).toBe(0.95);
  });
});
