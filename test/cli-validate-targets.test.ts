// `tarmac validate` refuses, located and with exit 2, what the chosen target would refuse only at deploy: it runs
// the check `up` runs before it creates anything (targets/deploy-check.ts) on the rendered groups.
import { describe, expect, it } from 'vitest';
import { validateDir } from './validate-dir.test-kit.js';

const { write, validate } = validateDir();

/** A tarmac.yaml with the given target and groups (YAML flow mappings, one per group). */
function config(target: 'podman' | 'kind', ...groups: string[]): void {
  write(
    'tarmac.yaml',
    `name: shop\ncluster: { target: ${target} }\ndeploy:\n${groups.map((g) => `  - ${g}\n`).join('')}`,
  );
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {port: http}}
`;
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}\n';
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec: {group: example.com, names: {kind: Widget, plural: widgets}}
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: blue}\n';

describe('tarmac validate: what the target refuses', () => {
  it('podman: a Service in another group whose port is not its targetPort, and a probe on a port name that does not exist', async () => {
    config('podman', '{ name: apps, manifests: [k8s/web.yaml] }', '{ name: net, manifests: [k8s/svc.yaml] }');
    write('k8s/web.yaml', WEB.replace('port: http}', 'port: metrics}'));
    write('k8s/svc.yaml', `# the front door\n${SERVICE}`);
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain('error[MANIFEST_PROBLEMS]: 2 manifest problems (target podman); nothing was created');
    expect(stderr).toMatch(
      /^ {2}\| Service web \(k8s\/svc\.yaml:2\) maps port 80 to targetPort 8080: .* Fix: set port: 8080/m,
    );
    expect(stderr).toContain(
      '  | Deployment/web (k8s/web.yaml:1): container web: readinessProbe port "metrics" is not a number or a declared container port name',
    );
  });

  it('podman: two workloads that would make the same pod', async () => {
    config('podman', '{ name: apps, manifests: [k8s] }');
    write('k8s/a.yaml', WEB);
    write(
      'k8s/b.yaml',
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: web}]}\n`,
    );
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain(
      '  | Pod/web (k8s/b.yaml:1) makes a pod named tarmac-shop-web, as Deployment/web (k8s/a.yaml:1) does: podman pod names must be unique',
    );
  });

  it('either target: a `wait` entry naming no object of its group, with the suggestion', async () => {
    for (const target of ['podman', 'kind'] as const) {
      config(target, '{ name: apps, manifests: [k8s], wait: [{ kind: Deployment, name: wbe }] }');
      write('k8s/web.yaml', WEB);
      const { code, stderr } = await validate();
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /\| deploy group apps: `wait` names Deployment\/wbe, which is not among the group's objects\. .*Deployment\/web/,
      );
    }
  });

  it('podman: a Secret read is asked of the engine; with no podman to ask, validate passes and says what it did not check', async () => {
    config('podman', '{ name: apps, manifests: [k8s] }');
    write(
      'k8s/web.yaml',
      WEB.replace('          image: web\n', '          image: web\n          envFrom: [{secretRef: {name: creds}}]\n'),
    );
    const { code, stdout, stderr } = await validate({ PATH: '' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^tarmac\.yaml: ok/);
    expect(stderr).toBe(
      'note: 1 workload reads a Secret (Deployment/web (k8s/web.yaml:1)); whether this podman can hand one to a container was not checked: podman is not on PATH. podman before 4.4.0 cannot, and fails at deploy.\n',
    );
  });

  it('kind: a custom resource whose CRD is in a group its own does not come after; `after` fixes it', async () => {
    write('k8s/crd.yaml', CRD);
    write('k8s/widget.yaml', WIDGET);
    config('kind', '{ name: crds, manifests: [k8s/crd.yaml] }', '{ name: apps, manifests: [k8s/widget.yaml] }');
    const refused = await validate();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '  | Widget/blue (k8s/widget.yaml:1): its CustomResourceDefinition widgets.example.com (k8s/crd.yaml:1) is in deploy group crds, which group apps does not come after',
    );
    config(
      'kind',
      '{ name: crds, manifests: [k8s/crd.yaml] }',
      '{ name: apps, manifests: [k8s/widget.yaml], after: [crds] }',
    );
    expect((await validate()).code).toBe(0);
    // The podman target gives neither any effect, in any order.
    config('podman', '{ name: crds, manifests: [k8s/crd.yaml] }', '{ name: apps, manifests: [k8s/widget.yaml] }');
    expect((await validate()).code).toBe(0);
  });

  it('kind: a workload the API server would refuse for its shape; the podman target plays it', async () => {
    write(
      'k8s/web.yaml',
      WEB.replace('spec:\n  template:', 'spec:\n  selector: {matchLabels: {app: website}}\n  template:'),
    );
    config('kind', '{ name: apps, manifests: [k8s] }');
    const refused = await validate();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "  | Deployment/web (k8s/web.yaml:1): spec.selector.matchLabels app=website is not among the pod template's labels",
    );
    config('podman', '{ name: apps, manifests: [k8s] }');
    expect((await validate()).code).toBe(0);
  });

  it("a suite's own groups, as `up --suite` deploys them: a problem in one is reported once", async () => {
    write(
      'tarmac.yaml',
      'name: shop\ncluster: { target: podman }\ndeploy:\n  - { name: base, manifests: [k8s/base.yaml] }\nsuites:\n' +
        '  - { name: nightly, uses: [base], deploy: [{ name: jobs, manifests: [k8s/cron.yaml] }], test: { command: [node, t.mjs] } }\n' +
        '  - { name: again, uses: [base], deploy: [{ name: jobs, manifests: [k8s/cron.yaml] }], test: { command: [node, t.mjs] } }\n',
    );
    write('k8s/base.yaml', WEB);
    write('k8s/cron.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: sweep}\n');
    const { code, stderr } = await validate();
    expect(code).toBe(2);
    expect(stderr).toContain('error[MANIFEST_PROBLEMS]: 1 manifest problem (target podman)');
    expect(stderr).toContain('  | CronJob/sweep (k8s/cron.yaml:1): the podman target cannot run a CronJob');
  });
});
