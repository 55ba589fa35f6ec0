import { describe, expect, it } from 'vitest';
import { makeEnv } from '../plan/plan.test-kit.js';
import { planUp } from '../plan/up-plan.js';
import { presentOnTarget, type ResolvedImages } from './resolve-images.js';

const resolved = (over: Partial<ResolvedImages>): ResolvedImages => ({
  refs: new Map([['api', 'localhost/api:tm-1']]),
  presence: new Map([['api', { local: true }]]),
  cached: new Map([['api', undefined]]),
  ...over,
});

describe('deliver steps of images the target already holds', () => {
  it('are the cached images found in the engine store, on a target that runs from it only', () => {
    expect([...presentOnTarget({ runsFromEngineStore: true }, resolved({}))]).toEqual(['api']);
    expect([...presentOnTarget({}, resolved({}))]).toEqual([]);
    // Built in this run (not cached), or missing from the store: delivered and verified as before.
    expect([...presentOnTarget({ runsFromEngineStore: true }, resolved({ cached: new Map() }))]).toEqual([]);
    const missing = resolved({ presence: new Map([['api', { local: false }]]) });
    expect([...presentOnTarget({ runsFromEngineStore: true }, missing)]).toEqual([]);
  });

  it('are planned cached, so they wait for no engine unit; others are planned to run', () => {
    const plan = (present: Set<string>) =>
      planUp(makeEnv([{ name: 'api' }, { name: 'web' }]), {
        target: 'podman',
        cachedImages: new Set(['api', 'web']),
        groupImages: new Map([['apps', ['api', 'web']]]),
        presentOnTarget: present,
        withTest: false,
      });
    const steps = plan(new Set(['api'])).steps.filter((s) => s.kind === 'deliver');
    expect(steps.map((s) => [s.id, s.cached, s.cachedDetail])).toEqual([
      ['deliver:api', true, 'already on the target (in the engine store at start)'],
      ['deliver:web', false, undefined],
    ]);
  });
});
