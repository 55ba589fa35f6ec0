// Issue 14, twelfth round: k3d's wait for its node's start line in its other forms (k3d-io/k3d pkg/client/node.go's
// wrapper, pkg/runtimes/docker/node.go's stopped container): a node that did not come up, below 50%; with a near miss
// where the wait's wrapper names no node.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("k3d's node that did not log its start", () => {
  it("Failed waiting for log message '...' from node '...': node '...' (container '...') not running (45%)", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output: [
        "INFO[0000] Starting Node 'k3d-dev-server-0'",
        "ERRO[0022] Failed Cluster Start: Failed to start server k3d-dev-server-0: Node k3d-dev-server-0 failed to get ready: Failed waiting for log message 'k3s is up and running' from node 'k3d-dev-server-0': node 'k3d-dev-server-0' (container '5c1d0e') not running",
      ].join('\n'),
    });
    expect(d.top).toBe('kind-node-start');
    expect(d.confidence).toBeCloseTo(0.45);
  });

  it("the wait's wrapper alone, ended by its deadline", async () => {
    const d = await diagnoseShape({
      phase: 'cluster-create',
      output:
        "ERRO[0300] Failed Cluster Start: Failed to start server k3d-dev-server-0: Node k3d-dev-server-0 failed to get ready: Failed waiting for log message 'k3s is up and running' from node 'k3d-dev-server-0': context deadline exceeded",
    });
    expect(d.top).toBe('kind-node-start');
  });

  it("near miss: a test's own wait for a log message of a service is no node", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: "Error: Failed waiting for log message 'ready to accept connections' from container postgres: timeout",
    });
    expect(d.of('kind-node-start')).toBe(0);
  });
});
