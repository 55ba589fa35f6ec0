// Issue 14, eighth round: GitHub's registry (ghcr.io) names the permission a push lacked in its own words, with or
// without the DENIED code in front.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("ghcr.io's refusals of a write", () => {
  // The dev case huf-349 (tridz-dev/huf#349): the fragment the PR quotes; GHCR denied the workflow's GITHUB_TOKEN.
  it('permission_denied: write_package alone, on a push', async () => {
    const d = await diagnoseShape({ phase: 'push', output: 'permission_denied: write_package' });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeCloseTo(0.9);
    // Logged in, but the token lacks the permission: no "not logged in".
    expect(d.summary).toMatch(/lacks the permission/);
  });

  // docker/build-push-action#806, danger/danger-js#1414: buildx's form.
  it('buildx: ERROR: denied: permission_denied: write_package', async () => {
    const d = await diagnoseShape({ phase: 'push', output: 'ERROR: denied: permission_denied: write_package' });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  // macbre/push-to-ghcr#31: a GitHub App installation token without packages: write.
  it('denied: installation not allowed to Write organization package', async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output: 'denied: installation not allowed to Write organization package',
    });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  // A token without the write:packages scope (gh's own token), as ghcr.io answers its push.
  it('permission_denied: The token provided does not match expected scopes', async () => {
    const d = await diagnoseShape({
      phase: 'push',
      output: 'error from registry: permission_denied: The token provided does not match expected scopes.',
    });
    expect(d.top).toBe('registry-auth');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  it('near miss: a Google API status word in a test is no registry refusal', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      output: 'google.api_core.exceptions.Forbidden: PERMISSION_DENIED: caller does not have permission',
    });
    expect(d.of('registry-auth')).toBe(0);
  });
});
