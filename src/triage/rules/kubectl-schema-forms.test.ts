// Issue 14, eighth round: kubectl wraps its failure to read the API server's schema in the words of a validation
// error (`error validating data: failed to download openapi: <why>`); the cause is the API's reachability or the
// client's credentials, not the manifest, so deploy-apply-failed does not claim the manifest's fault (85%) for it.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const apply = (why: string) => ({
  phase: 'deploy' as const,
  output: `error: error validating "deploy.yaml": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false`,
});

describe("kubectl's validation that could not read the schema", () => {
  // kubectl's message as users quote it, e.g. with a kubeconfig whose token the API refused.
  it('the API asked for credentials: no confident manifest verdict', async () => {
    const d = await diagnoseShape(
      apply('failed to download openapi: the server has asked for the client to provide credentials'),
    );
    expect(d.of('deploy-apply-failed')).toBeLessThan(0.5);
    expect(d.confidence).toBeLessThan(0.5);
    // It blames no manifest: the API could not serve its schema.
    expect([d.top, d.summary]).toEqual([
      'deploy-apply-failed',
      expect.stringMatching(/failed before the cluster judged the manifests/),
    ]);
  });

  it('the server does not serve the schema: no confident manifest verdict', async () => {
    const d = await diagnoseShape(apply('the server could not find the requested resource'));
    expect(d.of('deploy-apply-failed')).toBeLessThan(0.5);
  });

  it("near miss: a ValidationError names the manifest's own fault (85%)", async () => {
    const d = await diagnoseShape(
      apply('ValidationError(Deployment.spec): unknown field "replica" in io.k8s.api.apps.v1.DeploymentSpec'),
    );
    expect(d.top).toBe('deploy-apply-failed');
    expect(d.confidence).toBeCloseTo(0.85);
  });
});
