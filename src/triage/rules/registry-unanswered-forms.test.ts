// Issue 14, eleventh round: a public registry that gave no answer at all, in more of its clients' words
// (registry-unreached.ts): the likeliest reading is a proxy the engine lacks, below 50%; each with a near miss.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe('a public registry that gave no answer', () => {
  // golang/go src/net/http/client.go: connected, no response headers within the client's timeout.
  it("Go's client without response headers in time: (Client.Timeout exceeded while awaiting headers)", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('the registry\'s token service that no server answered: Get "https://auth.docker.io/token?...": dial tcp ...: i/o timeout', async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io": dial tcp 54.236.113.205:443: i/o timeout',
    });
    expect(d.top).toBe('proxy');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: a registry on this machine that timed out is no proxy', async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output:
        'Error: pinging container registry localhost:5001: Get "https://localhost:5001/v2/": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    });
    expect(d.top).not.toBe('proxy');
  });

  it("near miss: a token service's refusal is an answer (credentials), not a registry that was not reached", async () => {
    const d = await diagnoseShape({
      phase: 'pull',
      output:
        'Error response from daemon: Head "https://ghcr.io/v2/acme/app/manifests/1": denied: requested access to the resource is denied',
    });
    expect(d.top).not.toBe('proxy');
  });
});
