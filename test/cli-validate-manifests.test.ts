// `tarmac validate` reads every deploy group's manifests before anything is created: every problem it can see,
// located as file:line, exit 2; objects the chosen target refuses are among them.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sTools } from './support/k8s-tools.js';
import { validateDir } from './validate-dir.test-kit.js';

const project = validateDir();
const { write, validate } = project;

function config(target: 'podman' | 'kind' | 'auto', manifests = ['k8s']): void {
  write(
    'tarmac.yaml',
    `name: shop\ncluster: { target: ${target} }\ndeploy:\n  - name: apps\n    manifests: [${manifests.join(', ')}]\n`,
  );
}

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n';
const STATEFUL = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n';
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n';
const CRON = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n';
const CRON2 = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: weekly\n';

describe('tarmac validate: manifests', () => {
  it('reports YAML that does not parse with file:line:col, and goes on to the next documents and files', async () => {
    config('kind');
    write('k8s/a.yaml', `${DEPLOY}---\nkind: [unclosed\n`);
    write('k8s/b.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {}\n');
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error\[MANIFEST_PROBLEMS\]: 2 manifest problems \(target kind\); nothing was created$/m);
    expect(stderr).toContain(
      '  | k8s/a.yaml:7:1: not valid YAML: Flow sequence in block collection must be sufficiently indented',
    );
    expect(stderr).toContain('  | k8s/b.yaml:1 (document 1): the Service object has no metadata.name');
  });

  it('names each missing field of an object', async () => {
    config('kind');
    write('k8s/a.yaml', `${DEPLOY}---\nmetadata:\n  name: x\n`);
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain('  | k8s/a.yaml:6 (document 2): the object has no apiVersion, kind');
  });

  it('reports every object the podman target refuses, located, before anything is created; runs the rest', async () => {
    config('podman');
    write('k8s/app.yaml', `${DEPLOY}---\n${STATEFUL}---\n${JOB}---\n${CRON}---\n${CRON2}`);
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain('error[MANIFEST_PROBLEMS]: 2 manifest problems (target podman); nothing was created');
    expect(stderr).toContain(
      '  | CronJob/nightly (k8s/app.yaml:16): the podman target cannot run a CronJob (no scheduler without a cluster)',
    );
    expect(stderr).toContain('  | CronJob/weekly (k8s/app.yaml:21): the podman target cannot run a CronJob');
    expect(stderr).not.toMatch(/StatefulSet\/db|Job\/migrate/);
    expect(stderr).toMatch(/hint: .*cluster\.target: kind/);
  });

  it('auto without kind on PATH checks for the podman target; kind accepts the same manifests', async () => {
    write('k8s/app.yaml', CRON);
    config('auto');
    expect((await validate()).stderr).toContain(
      'CronJob/nightly (k8s/app.yaml:1): the podman target cannot run a CronJob',
    );
    config('kind');
    const ok = await validate();
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^tarmac\.yaml: ok · 0 images · 1 deploy groups/);
  });

  it('reports the same object defined twice, with both places', async () => {
    config('kind', ['k8s/a.yaml', 'k8s/b.yaml']);
    write('k8s/a.yaml', DEPLOY);
    write('k8s/b.yaml', `# again\n${DEPLOY}`);
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain(
      '  | deploy group apps: Deployment/api is defined twice, at k8s/a.yaml:1 and k8s/b.yaml:2',
    );
  });

  it('renders a Helm group with the real helm: its objects are checked too, and a broken chart is located', async () => {
    const { helmDir } = await k8sTools();
    // validate finds helm on the CLI's PATH (io.env), as `up` does.
    const env = { PATH: `${helmDir}:${process.env.PATH ?? ''}` };
    cpSync(new URL('fixtures/helm/web', import.meta.url).pathname, join(project.dir, 'charts/web'), {
      recursive: true,
    });
    write('k8s/db.yaml', CRON);
    write(
      'tarmac.yaml',
      'name: shop\ncluster: { target: podman }\ndeploy:\n  - { name: data, manifests: [k8s] }\n  - { name: web, chart: charts/web, namespace: shop }\n',
    );
    const refused = await validate(env);
    expect(refused.code).toBe(2);
    // The chart's objects are checked like plain manifests: its CRD is accepted (no effect on podman), the
    // plain CronJob beside it is refused.
    expect(refused.stderr).toContain('  | CronJob/nightly (k8s/db.yaml:1): the podman target cannot run a CronJob');
    expect(refused.stderr).toContain('1 manifest problem');
    expect(refused.stderr).not.toContain('CustomResourceDefinition');
    writeFileSync(join(project.dir, 'charts/web/templates/bad.yaml'), 'x: {{ .Values.greeting | nosuchfunc }}\n');
    const broken = await validate(env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      '  | deploy group web: helm template of chart charts/web failed: parse error at (web/templates/bad.yaml:1): function "nosuchfunc" not defined',
    );
  }, 120_000);
});
