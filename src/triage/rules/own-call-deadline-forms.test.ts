// Issue 14, twelfth round: the runtime's and the builder's own calls that ran out their deadline, in their own
// framing (containerd's task manager's `failed to create shim task`, BuildKit's client's `listing workers for Build`),
// with near misses where the same deadline is another call's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape, podEvent } from './documented-forms.test-kit.js';

describe("the runtime's or the builder's own call got no answer in time", () => {
  // containerd core/runtime/v2 TaskManager.Create (`failed to create shim task: %w`), as dockerd relays it.
  it("dockerd relaying containerd's shim create that ran out its deadline (45%)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 125,
      output:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: context deadline exceeded: unknown.',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.confidence).toBeCloseTo(0.45);
  });

  // The kubelet's StartError for the same call of the node's containerd, in the pod's event.
  it("the kubelet's event: failed to create containerd task: failed to create shim task: context deadline exceeded", async () => {
    const d = await diagnoseShape(
      podEvent(
        'api-0',
        'CrashLoopBackOff',
        'Failed',
        'Error: failed to create containerd task: failed to create shim task: context deadline exceeded: unknown',
      ),
    );
    expect(d.top).toBe('engine-hung');
  });

  // moby/buildkit client/build.go wraps its first call on the daemon `listing workers for Build`.
  it("BuildKit's first call on its daemon that ran out its deadline is no download", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'ERROR: failed to solve: listing workers for Build: failed to list workers: DeadlineExceeded: context deadline exceeded',
    });
    expect(d.top).toBe('engine-hung');
    expect(d.of('build-dependency-download')).toBe(0);
  });

  it("near miss: BuildKit's first call refused at its socket is an unreachable daemon, not a hung one", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output:
        'ERROR: failed to solve: listing workers for Build: failed to list workers: Unavailable: connection error: desc = "transport: Error while dialing: dial unix /run/buildkit/buildkitd.sock: connect: connection refused"',
    });
    expect(d.of('engine-hung')).toBe(0);
  });

  it("near miss: a shim create that failed on the OCI runtime's own error is no deadline", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 127,
      output:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "app": executable file not found in $PATH: unknown.',
    });
    expect(d.of('engine-hung')).toBe(0);
  });
});
