import { describe, expect, it } from 'vitest';
import { fakeResult } from '../../exec/fake-runner.test-kit.js';
import { createFailedError, createTimeoutError } from './create-errors.js';

const aftermath = { cluster: 'e2e', logs: '/p/.tarmac/runs/r/kind-logs', cleanup: 'the nodes it left were deleted' };

describe('create errors', () => {
  it('says how long kind was silent, the budget and what the engine probe says', () => {
    const result = fakeResult({
      command: 'kind create cluster --name e2e',
      timedOut: true,
      timeoutMs: 900_000,
      exitCode: undefined,
      signal: 'SIGTERM',
      tail: [],
    });
    const error = createTimeoutError(
      result,
      900_000,
      { ok: true, detail: 'podman 4.3.1 answered in 80ms', durationMs: 80 },
      aftermath,
    );
    expect(error.message).toBe(
      'kind create cluster printed nothing for 15m00s and did not finish within 15m00s; the engine health probe says: podman 4.3.1 answered in 80ms',
    );
    expect(error.code).toBe('CLUSTER_CREATE_TIMEOUT');
    expect(error.hint).toContain('timeouts.cluster');
    expect(error.hint).toContain('kind export logs --name e2e');
    expect(error.details).toEqual(['kind printed no output at all', '(the nodes it left were deleted)']);
  });

  it('gives the hint of a known failure signature and where the logs are', () => {
    const stderr =
      'Creating cluster "e2e" ...\nERROR: failed to create cluster: command "podman run --name e2e-control-plane ..." failed with error: exit status 126\nCommand Output: Error: cannot listen on the TCP port: listen tcp4 127.0.0.1:6443: bind: address already in use';
    const error = createFailedError(fakeResult({ exitCode: 1, stderr }), aftermath);
    expect(error.message).toBe(
      'kind create cluster e2e failed: ERROR: failed to create cluster: command "podman run --name e2e-control-plane ..." failed with error: exit status 126',
    );
    expect(error.hint).toBe(
      "A host port of the kind config (API server or extraPortMappings) is taken: free it, or change the port in the kind config. kind's logs: /p/.tarmac/runs/r/kind-logs.",
    );
    expect(error.exitCode).toBe(3);
  });
});
