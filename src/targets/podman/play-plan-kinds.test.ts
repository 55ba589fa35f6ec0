// Planning real manifests for podman (fixtures in test/fixtures/podman-plan): StatefulSet ordinals with
// their own names, Deployment replicas sharing the Service name, a DaemonSet, a Job with an init
// container, Services, ConfigMaps and Secrets found in another group, and one line per object without
// effect on this target.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../../errors/errors.js';
import { parseManifests } from '../../kube/parse-manifests.js';
import { renderGroup } from '../../kube/render.js';
import type { RenderedGroup } from '../../kube/types.js';
import { podmanRefusedKinds } from './index.js';
import { noEffectLine, planGroup, type GroupPlan } from './play-plan.js';

const fixture = (name: string): RenderedGroup => {
  const file = `test/fixtures/podman-plan/${name}.yaml`;
  const yaml = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
  return renderGroup(name, parseManifests(yaml, file), new Map(), { pullPolicy: 'Never' });
};
const data = fixture('data');
const apps = fixture('apps');
const ctx = { env: 'demo', project: 'aaaaaaaaaaaa', runId: 'run-1', network: 'tarmac-demo' };
const unit = (plan: GroupPlan, podName: string) => {
  const found = plan.units.find((u) => u.podName === podName);
  if (!found) throw new Error(`no unit ${podName} in ${plan.units.map((u) => u.podName).join(', ')}`);
  return found;
};

describe('planGroup with the env groups', () => {
  const dataPlan = planGroup(data, ctx, [data, apps]);
  const appsPlan = planGroup(apps, ctx, [data, apps]);

  it('plays a StatefulSet as <name>-0..N-1, each with its hostname and names on the network', () => {
    expect(dataPlan.units.filter((u) => u.workload.kind === 'StatefulSet').map((u) => u.podName)).toEqual([
      'tarmac-demo-db-0',
      'tarmac-demo-db-1',
    ]);
    const second = unit(dataPlan, 'tarmac-demo-db-1');
    expect(second.aliases).toEqual(['db', 'db-1', 'db-1.db']);
    expect(second.pod.spec).toMatchObject({ hostname: 'db-1' });
    expect(second.publish).toEqual([5432]);
  });

  it('plays every replica of a Deployment, each named by the Service that sits in another group', () => {
    expect(appsPlan.units.map((u) => u.podName)).toEqual([
      'tarmac-demo-web-0',
      'tarmac-demo-web-1',
      'tarmac-demo-agent',
    ]);
    for (const name of ['tarmac-demo-web-0', 'tarmac-demo-web-1'])
      expect(unit(appsPlan, name)).toMatchObject({ aliases: ['web'], publish: [8080] });
    expect(unit(appsPlan, 'tarmac-demo-agent')).toMatchObject({ aliases: [], completes: false });
  });

  it("plays the other group's ConfigMaps alongside each pod, and its Secrets only alongside a pod that reads them", () => {
    const extras = (podName: string) => unit(appsPlan, podName).extras.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(extras('tarmac-demo-web-0')).toEqual(['ConfigMap/settings']);
    expect(unit(appsPlan, 'tarmac-demo-web-0').secrets).toEqual([]);
    // Each played Secret becomes a podman secret (global, unlabelled): the unit names it for the state file.
    expect(extras('tarmac-demo-agent')).toEqual(['ConfigMap/settings', 'Secret/creds']);
    expect(unit(appsPlan, 'tarmac-demo-agent').secrets).toEqual(['creds']);
    expect(unit(dataPlan, 'tarmac-demo-migrate').secrets).toEqual(['creds']);
    expect(unit(dataPlan, 'tarmac-demo-db-0').secrets).toEqual([]);
  });

  it('plays a Job as one pod that runs to completion, init container first, its images checked', () => {
    const job = unit(dataPlan, 'tarmac-demo-migrate');
    expect(job.completes).toBe(true);
    expect(job.pod.spec).toMatchObject({
      restartPolicy: 'Never',
      initContainers: [{ name: 'wait-db' }],
      containers: [{ name: 'migrate' }],
    });
    expect(job.images.map((i) => i.container)).toEqual(['wait-db', 'migrate']);
  });

  it('says in one line each what has no effect on podman, and why, in install order', () => {
    expect(dataPlan.noEffect.map(noEffectLine)).toEqual([
      expect.stringMatching(
        /^podman target: Namespace\/shop \(.*data\.yaml:\d+\) accepted, no effect on this target: pods share/,
      ),
      expect.stringMatching(/CustomResourceDefinition\/widgets\.example\.com .* there is no API server to extend$/),
      expect.stringMatching(/ServiceAccount\/robot .* there is no API server to authorise against$/),
      expect.stringMatching(/ClusterRole\/reader .* there is no API server to authorise against$/),
      // In install order (renderGroup): custom resources after everything else.
      expect.stringMatching(/Widget\/blue .* it is a custom resource, and no controller runs without a cluster$/),
    ]);
    expect(appsPlan.noEffect).toEqual([]);
  });

  it('refuses only CronJob among the kinds', () => {
    expect(podmanRefusedKinds()).toEqual(['CronJob']);
  });
});

describe('planGroup edge cases', () => {
  it('refuses a Service that selects no workload in any group, but not one whose workload is in another group', () => {
    let error: unknown;
    try {
      planGroup(data, ctx, [data]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).details).toEqual([
      expect.stringMatching(/^Service web \(.*data\.yaml:\d+\) selects no workload of any deploy group of the env/),
    ]);
  });

  it('plays no pod for replicas: 0, and numbers nothing for one replica', () => {
    const yaml = readFileSync(new URL('../../../test/fixtures/podman-plan/apps.yaml', import.meta.url), 'utf8');
    const zero = renderGroup('apps', parseManifests(yaml.replace('replicas: 2', 'replicas: 0'), 'a.yaml'), new Map(), {
      pullPolicy: 'Never',
    });
    expect(planGroup(zero, ctx, [data]).units.map((u) => u.podName)).toEqual(['tarmac-demo-agent']);
    const one = renderGroup('apps', parseManifests(yaml.replace('replicas: 2', 'replicas: 1'), 'a.yaml'), new Map(), {
      pullPolicy: 'Never',
    });
    expect(planGroup(one, ctx, [data]).units.map((u) => u.podName)).toEqual(['tarmac-demo-web', 'tarmac-demo-agent']);
  });

  it('plays a Deployment with init containers with restartPolicy OnFailure, and says so', () => {
    const yaml = readFileSync(new URL('../../../test/fixtures/podman-plan/apps.yaml', import.meta.url), 'utf8').replace(
      '      containers:\n        - name: web',
      '      initContainers: [{name: prepare, image: localhost/web:1}]\n      containers:\n        - name: web',
    );
    const plan = planGroup(
      renderGroup('apps', parseManifests(yaml, 'a.yaml'), new Map(), { pullPolicy: 'Never' }),
      ctx,
      [data],
    );
    expect(unit(plan, 'tarmac-demo-web-0').pod.spec).toMatchObject({ restartPolicy: 'OnFailure' });
    expect(plan.notes).toEqual([
      expect.stringMatching(/^podman target: Deployment\/web \(a\.yaml:\d+\): played with restartPolicy OnFailure/),
    ]);
  });
});
