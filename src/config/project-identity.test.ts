// A project's identity is its config file's real path: two paths to one checkout are one project, two checkouts
// (copies) are two, whatever their env names.
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envIdentity, projectIdentity } from './project-identity.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';

const newProjectIdentityDir = tempDirs('project-identity');

function checkout(root: string, name: string): string {
  mkdirSync(join(root, name));
  const file = join(root, name, 'tarmac.yaml');
  writeFileSync(file, 'name: demo\n');
  return file;
}

describe('projectIdentity', () => {
  const root = newProjectIdentityDir();
  const a = checkout(root, 'a');
  const b = checkout(root, 'b');
  symlinkSync(join(root, 'a'), join(root, 'a-link'));

  it('is 12 hex digits of the real path, the same through a symlink, different for another checkout', () => {
    const id = projectIdentity(a);
    expect(id.id).toMatch(/^[0-9a-f]{12}$/);
    expect(id.path).toBe(realpathSync(a));
    expect(projectIdentity(join(root, 'a-link', 'tarmac.yaml'))).toEqual(id);
    expect(projectIdentity(b).id).not.toBe(id.id);
  });

  it('falls back to the absolute path for a config file that does not exist', () => {
    expect(projectIdentity('/nowhere/x/../tarmac.yaml').path).toBe('/nowhere/tarmac.yaml');
  });

  it('names the env and its project', () => {
    expect(envIdentity({ name: 'demo', file: b })).toEqual({
      env: 'demo',
      project: projectIdentity(b).id,
      projectPath: realpathSync(b),
    });
  });
});
