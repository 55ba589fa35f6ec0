// Static consistency of examples/suites (no podman): its tarmac.yaml is valid, its images are ../aianalysis's with
// the shared images' build args (so the e2e setup's images serve it), its suites plan as one run with each image one
// build, fleet on two clusters, each suite's own JUnit file. It runs for real in test/e2e/suites-*.test.ts.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/config/load.js';
import type { Env } from '../src/config/types.js';
import { planSuites } from '../src/plan/suites-plan.js';
import { SHARED_WORK } from './support/shared-images.js';
import { repoRoot } from './support/tarmac-cli.js';

let env: Env;
beforeAll(async () => {
  env = await loadEnv(join(repoRoot, 'examples', 'suites', 'tarmac.yaml'));
});

describe('examples/suites', () => {
  it("builds ../aianalysis's images with the shared images' heavy work", () => {
    expect(env.images.map((i) => [i.name, i.contextDir, i.args])).toEqual([
      ['base', join(repoRoot, 'examples/aianalysis/base'), {}],
      ['datastorage', join(repoRoot, 'examples/aianalysis/datastorage'), {}],
      ['holmesgpt-api', join(repoRoot, 'examples/aianalysis/holmesgpt-api'), { WORK: String(SHARED_WORK) }],
      ['aianalysis', join(repoRoot, 'examples/aianalysis/aianalysis'), {}],
    ]);
  });

  it('plans three suites on four clusters with one build per image and a JUnit file per suite', () => {
    const { plan } = planSuites(env, {
      suites: ['storage', 'pipeline', 'fleet'],
      target: 'podman',
      cachedImages: new Set(),
      withTest: true,
    });
    expect(plan.steps.filter((s) => s.kind === 'build').map((s) => s.id)).toEqual([
      'build:base',
      'build:datastorage',
      'build:holmesgpt-api',
      'build:aianalysis',
    ]);
    expect(plan.steps.filter((s) => s.kind === 'cluster').map((s) => s.subject)).toEqual([
      'suites-storage-main',
      'suites-pipeline-main',
      'suites-fleet-hub',
      'suites-fleet-spoke',
    ]);
    expect(env.suites!.map((s) => s.test?.junit)).toEqual(
      ['storage', 'pipeline', 'fleet'].map((n) => join(repoRoot, 'examples/suites/results', `${n}.xml`)),
    );
  });
});
