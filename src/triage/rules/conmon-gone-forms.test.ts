// Issue 14, twelfth round: podman's monitor of a container (conmon) gone under it, in libpod's own words
// (libpod/define/errors.go ErrConmonDead as libpod/container_internal.go wraps it): the runtime's shim went away, a
// hint of a crashed engine below 50%; with near misses where conmon only relays the OCI runtime's failure.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("podman's conmon gone under a running container", () => {
  it('container X conmon exited prematurely, exit code could not be retrieved: conmon process killed (48%)', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 125,
      output:
        'Error: container 5b1f2c7e9a conmon exited prematurely, exit code could not be retrieved: conmon process killed',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeCloseTo(0.48);
    expect(d.summary).toMatch(/conmon/);
  });

  it('container X conmon process missing, cannot retrieve exit code: conmon process killed', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 125,
      output: 'Error: container 5b1f2c7e9a conmon process missing, cannot retrieve exit code: conmon process killed',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: conmon relaying the OCI runtime's own failure is no crash", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 126,
      output:
        'Error: crun: executable file `/app/start` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found',
    });
    expect(d.of('engine-crash')).toBe(0);
  });

  it('near miss: a signal forwarded to a container that had already stopped is no crash', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'ERRO[0003] forwarding signal 15 to container 5b1f2c7e9a: can only kill running containers. 5b1f2c7e9a is in state stopped: container state improper',
    });
    expect(d.of('engine-crash')).toBe(0);
  });
});
