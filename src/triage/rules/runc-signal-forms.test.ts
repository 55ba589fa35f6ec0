// Issue 14, ninth round: runc dying of a fault signal under containerd, in go-runc's words (`runc did not terminate
// successfully: ...`): the Go runtime's panic exit (2), Go's name for the signal (`signal: aborted (core dumped)`), or
// the shell's 128+N status (134 SIGABRT, 139 SIGSEGV, ...). Also when the kubelet relays it in a pod's event (the node's
// runtime). A hint (48%): a killed runtime reads alike. runc's own error exit (1) is not a crash.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const podEvent = (message: string) => ({
  phase: 'deploy' as const,
  output: message,
  pod: { phase: 'Pending' as const, events: [{ type: 'Warning', message }] },
});

describe('runc died of a fault signal', () => {
  // The dev case k8s-snap-2793 (canonical/k8s-snap#2793): runc 1.5.1 aborting in runc init (opencontainers/runc#5437).
  it("a pod's event: runc did not terminate successfully: exit status 134 (SIGABRT)", async () => {
    const d = await diagnoseShape(
      podEvent('OCI runtime create failed: ... runc did not terminate successfully: exit status 134'),
    );
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("a test command's docker run: exit status 139 (SIGSEGV)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output:
        'docker: Error response from daemon: OCI runtime create failed: runc did not terminate successfully: exit status 139: unknown.',
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: runc's own error exit (exit status 1) in a pod's event is no crash", async () => {
    const d = await diagnoseShape(
      podEvent('OCI runtime create failed: runc did not terminate successfully: exit status 1: unknown'),
    );
    expect(d.of('engine-crash')).toBe(0);
  });
});
