// Issue 14, ninth round: ENOSPC and EDQUOT that no disk printed. The kernel refuses a new memory cgroup when the
// controller's 65535 ids are used up (`mkdir /sys/fs/cgroup/memory/...: no space left on device`, moby/moby#29638,
// kubernetes/kubernetes#70324), and runc's session keyring over the kernel's key quota prints `could not create session
// key: disk quota exceeded` (keyrings(7): kernel.keys.maxkeys/maxbytes; moby/moby#22865): disk-full does not claim
// them. A real full disk in the same runtime error stays disk-full.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const run = (output: string) => ({ phase: 'test' as const, output });

describe('no space or quota that is no disk', () => {
  it('a cgroup the kernel would not create (moby/moby#29638)', async () => {
    const d = await diagnoseShape(
      run(
        'docker: Error response from daemon: oci runtime error: process_linux.go:258: applying cgroup configuration for process caused "mkdir /sys/fs/cgroup/memory/docker/406cfca0c0a597091854c256a3bb2f09261ecbf86e98805414752150b11eb13a: no space left on device".',
      ),
    );
    expect(d.of('disk-full')).toBe(0);
  });

  it("runc's session keyring over the key quota (moby/moby#22865)", async () => {
    const d = await diagnoseShape(
      run(
        'docker: Error response from daemon: oci runtime error: could not synchronise with container process: could not create session key: disk quota exceeded.',
      ),
    );
    expect(d.of('disk-full')).toBe(0);
  });

  it('near miss: the engine storage that is full in the same runtime error stays disk-full', async () => {
    const d = await diagnoseShape(
      run(
        'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: write /var/lib/docker/overlay2/abc/merged/etc/hosts: no space left on device: unknown.',
      ),
    );
    expect(d.top).toBe('disk-full');
    expect(d.confidence).toBeGreaterThanOrEqual(0.85);
  });
});
