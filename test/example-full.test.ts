// Static consistency of examples/full, the grown example, with real helm (no podman): its tarmac.yaml is valid,
// its images are ../aianalysis's (so the e2e setup's shared images serve it), every group renders (the chart with
// `helm template`) into the kinds a real project deploys, in install order, in its namespace, and the plan puts the
// seeding hook between the store and the services. It passes on real podman: see README "What is verified".
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/config/load.js';
import type { Env } from '../src/config/types.js';
import { runCommand } from '../src/exec/run-command.js';
import type { CommandRunner } from '../src/exec/types.js';
import type { RenderedGroup } from '../src/kube/types.js';
import { renderDeployGroups } from '../src/orchestrate/render-groups.js';
import { planUp } from '../src/plan/up-plan.js';
import { deployCheck } from '../src/targets/deploy-check.js';
import { k8sTools } from './support/k8s-tools.js';
import { repoRoot } from './support/tarmac-cli.js';

const dir = join(repoRoot, 'examples', 'full');
let env: Env;
let groups: Map<string, RenderedGroup>;
const refs = new Map(['base', 'datastorage', 'holmesgpt-api', 'aianalysis'].map((n) => [n, `localhost/${n}:tm-test`]));
const kinds = (group: string) => groups.get(group)!.objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`);

beforeAll(async () => {
  const { helmDir } = await k8sTools();
  const runner: CommandRunner = (cmd, args, options = {}) =>
    runCommand(cmd, args, { ...options, env: { ...options.env, PATH: `${helmDir}:${process.env.PATH ?? ''}` } });
  env = await loadEnv(join(dir, 'tarmac.yaml'));
  groups = await renderDeployGroups(env, refs, runner);
}, 60_000);

describe('examples/full', () => {
  it("builds ../aianalysis's images, the heavy one made light", () => {
    expect(env.images.map((i) => [i.name, i.contextDir, i.args])).toEqual([
      ['base', join(repoRoot, 'examples/aianalysis/base'), {}],
      ['datastorage', join(repoRoot, 'examples/aianalysis/datastorage'), {}],
      ['holmesgpt-api', join(repoRoot, 'examples/aianalysis/holmesgpt-api'), { WORK: '1' }],
      ['aianalysis', join(repoRoot, 'examples/aianalysis/aianalysis'), {}],
    ]);
  });

  it('renders a real project in install order: CRD, RBAC, config, store, migration, custom resource, chart', () => {
    expect(kinds('platform')).toEqual([
      'CustomResourceDefinition/analyses.example.com',
      'ServiceAccount/analysis',
      'Role/analysis-reader',
      'RoleBinding/analysis-reader',
      'ConfigMap/store-config',
      'Secret/store-credentials',
    ]);
    expect(kinds('data')).toEqual(['Service/store', 'StatefulSet/store', 'Job/migrate', 'Analysis/nightly']);
    expect(kinds('apps')).toEqual([
      'Service/holmesgpt-api',
      'Service/aianalysis',
      'Deployment/holmesgpt-api',
      'Deployment/aianalysis',
    ]);
    expect(groups.get('apps')!.images.sort()).toEqual(['aianalysis', 'holmesgpt-api']);
    expect(groups.get('data')!.waitFor.map((w) => `${w.kind}/${w.name}`)).toEqual(['StatefulSet/store', 'Job/migrate']);
  });

  it('puts every namespaced object in namespace full, and nothing either target refuses', async () => {
    for (const group of groups.values())
      for (const { object } of group.objects)
        expect(object.metadata.namespace, object.kind).toBe(
          object.kind === 'CustomResourceDefinition' ? undefined : 'full',
        );
    // No pod reads a Secret (README), so the podman version is never asked.
    const askPodmanVersion = () => Promise.reject(new Error('asked the podman version'));
    const after = new Map(env.deploy.map((g) => [g.name, g.after]));
    for (const target of ['podman', 'kind'] as const)
      expect(
        await deployCheck({ target, env: env.name, groups: [...groups.values()], after, askPodmanVersion }),
      ).toEqual({ problems: [], notes: [] });
  });

  it('plans the seeding hook after the store is ready and before the services deploy', () => {
    const plan = planUp(env, {
      target: 'podman',
      cachedImages: new Set(),
      groupImages: new Map([...groups].map(([name, g]) => [name, g.images])),
      withTest: true,
    });
    const step = (id: string) => plan.steps.find((s) => s.id === id);
    expect(step('hook:data/seed')).toMatchObject({ kind: 'hook', deps: ['deploy:data'], timeoutMs: 60_000 });
    expect(step('deploy:apps')?.deps).toContain('hook:data/seed');
    expect(step('test')?.deps).toEqual(['cluster', 'deploy:platform', 'hook:data/seed', 'deploy:apps']);
  });
});
