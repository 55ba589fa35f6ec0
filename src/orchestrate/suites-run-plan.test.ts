// The plan of `tarmac up --pull-only --suite X`: nothing built, and the pulls (deliveries) are exactly the images
// the chosen suites deploy; an image a chosen suite deploys that is nowhere is refused before anything runs.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { suitesEnv } from '../plan/suites.test-kit.js';
import type { ImagePresence } from '../registry/image-sources.js';
import type { ResolvedImages } from './resolve-images.js';
import { suitesRunPlan } from './suites-run-plan.js';

const env = suitesEnv(
  ['base', 'api', 'agent', 'web'],
  [
    { name: 'storage', images: ['api', 'web'] },
    { name: 'fleet', images: ['api', 'agent'], clusters: { hub: ['hub-app'], spoke: ['agent-app'] } },
  ],
);
// The groups as rendered: `base` is only a build input (no group deploys it).
const groupImages = new Map([
  ['storage/app', ['api', 'web']],
  ['fleet/hub-app', ['api']],
  ['fleet/agent-app', ['agent']],
]);
const ref = (name: string) => `registry.example/demo/${name}:tm-0123456789ab`;

function resolved(inRegistry: readonly string[]): ResolvedImages {
  const names = ['base', 'api', 'agent', 'web'];
  return {
    refs: new Map(names.map((n) => [n, ref(n)])),
    presence: new Map<string, ImagePresence>(names.map((n) => [n, { local: false, registry: inRegistry.includes(n) }])),
    cached: new Map(),
  };
}

const input = { target: 'podman', groupImages, withTest: true } as const;

describe('suitesRunPlan under --pull-only', () => {
  it('builds nothing and pulls exactly the images the chosen suite deploys, per cluster', () => {
    const { plan } = suitesRunPlan(env, {
      ...input,
      suites: ['fleet'],
      resolved: resolved(['api', 'agent']),
      pullOnly: true,
    });
    const builds = plan.steps.filter((s) => s.kind === 'build').sort((a, b) => a.id.localeCompare(b.id));
    expect(builds.map((s) => [s.id, s.cached, s.cachedDetail])).toEqual([
      ['build:agent', true, `pull-only: ${ref('agent')}`],
      ['build:api', true, `pull-only: ${ref('api')}`],
    ]);
    expect(
      plan.steps
        .filter((s) => s.kind === 'deliver')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['deliver:fleet/hub/api', 'deliver:fleet/spoke/agent']);
    expect(plan.steps.some((s) => s.suite === 'storage')).toBe(false);
  });

  it('without --pull-only the same images are built', () => {
    const { plan } = suitesRunPlan(env, { ...input, suites: ['fleet'], resolved: resolved(['api', 'agent']) });
    expect(
      plan.steps
        .filter((s) => s.kind === 'build' && !s.cached)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['build:agent', 'build:api']);
  });

  it('refuses a deployed image of a chosen suite that the registry lacks, naming it and the refs file', () => {
    const run = () =>
      suitesRunPlan(env, {
        ...input,
        suites: ['storage', 'fleet'],
        resolved: resolved(['api', 'agent']),
        pullOnly: true,
        refsFile: '/ci/refs.json',
      });
    expect(run).toThrow(TarmacError);
    expect(run).toThrow(
      expect.objectContaining({
        code: 'IMAGE_NOT_IN_REGISTRY',
        details: [`web: ${ref('web')} is not in the registry`],
      }),
    );
    // An image no chosen suite deploys may be absent: fleet alone runs without `web` (nor `base`) in the registry.
    expect(() =>
      suitesRunPlan(env, { ...input, suites: ['fleet'], resolved: resolved(['api', 'agent']), pullOnly: true }),
    ).not.toThrow();
  });
});
