// The podman target's ownership check: the env's labels, the target's own label, and the project.
import { describe, expect, it } from 'vitest';
import { envNameLabels, isOurs, networkLabels, podmanOwnership, targetLabels } from './names.js';

const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const env = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'demo' };

describe('podman ownership', () => {
  it('needs the podman target label: a container run by hand from an env image is foreign', () => {
    expect(podmanOwnership({ ...env, 'io.tarmac.project': id.project }, id)).toBe('foreign');
    expect(podmanOwnership(targetLabels(id), id)).toBe('ours');
    expect(podmanOwnership(envNameLabels('demo'), id)).toBe('legacy');
    expect(isOurs(envNameLabels('demo'), id)).toBe(true);
    expect(isOurs(targetLabels({ env: 'demo', project: 'bbbbbbbbbbbb' }), id)).toBe(false);
  });
});

describe('networkLabels', () => {
  it("carry the project's config path beside the project id", () => {
    expect(networkLabels(id)).toEqual({
      ...env,
      'io.tarmac.target': 'podman',
      'io.tarmac.project': 'aaaaaaaaaaaa',
      'io.tarmac.project-path': '/work/a/tarmac.yaml',
    });
  });
});
