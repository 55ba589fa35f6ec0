// Issue 14, twelfth round: a podman machine whose SSH server refused to forward the client to the API socket inside it
// (golang.org/x/crypto/ssh OpenChannelError `ssh: rejected: connect failed (open failed)`): the machine is up and its
// engine's socket is missing or dead, so not started, stopped or died read alike (below 50%); with a near miss where
// the machine itself does not answer.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("the machine's SSH server refused to forward to the engine's socket", () => {
  it('the probe: unable to connect to Podman socket: ... ssh: rejected: connect failed (open failed) (45%)', async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Error: unable to connect to Podman socket: Get "http://d/v5.0.0/libpod/_ping": ssh: rejected: connect failed (open failed)',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeCloseTo(0.45);
    expect(d.summary).toMatch(/refused the forwarded connection/);
  });

  it("near miss: the machine's own SSH port refusing is a machine that is down (unreachable, not below half)", async () => {
    const d = await diagnoseShape({
      phase: 'engine-probe',
      exitCode: 125,
      output:
        'Error: unable to connect to Podman socket: failed to connect: dial tcp 127.0.0.1:53411: connect: connection refused',
    });
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeGreaterThan(0.5);
  });
});
