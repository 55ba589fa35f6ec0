// Ownership of a labelled resource, seen from one env of one project: ours, legacy (made before resources carried
// a project), another checkout's env of the same name, or foreign.
import { describe, expect, it } from 'vitest';
import { owned, ownership } from './labels.js';

const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const env = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'demo' };

describe('ownership', () => {
  it('tells ours, legacy, another checkout and foreign apart', () => {
    expect(ownership({ ...env, 'io.tarmac.project': 'aaaaaaaaaaaa' }, id)).toBe('ours');
    expect(ownership(env, id)).toBe('legacy');
    expect(ownership({ ...env, 'io.tarmac.project': 'bbbbbbbbbbbb' }, id)).toBe('other-checkout');
    expect(ownership({ ...env, 'io.tarmac.env': 'other', 'io.tarmac.project': id.project }, id)).toBe('foreign');
    expect(ownership({ 'io.tarmac.env': 'demo', 'io.tarmac.project': id.project }, id)).toBe('foreign');
    expect(ownership(undefined, id)).toBe('foreign');
  });

  it('lets down and up treat only ours and legacy as their own', () => {
    expect(['ours', 'legacy', 'other-checkout', 'foreign'].filter((k) => owned(k as never))).toEqual([
      'ours',
      'legacy',
    ]);
  });
});
