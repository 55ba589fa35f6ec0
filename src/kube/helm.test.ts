// Helm groups against the real helm v4.1.4 (test/support/k8s-tools.ts): rendering, values, namespaces, the
// packaged chart, the render hash, and the errors for a missing helm and a broken chart.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { k8sTools } from '../../test/support/k8s-tools.js';
import type { DeployGroupSpec, HelmChartSpec } from '../config/types.js';
import type { TarmacError } from '../errors/errors.js';
import { runCommand } from '../exec/run-command.js';
import type { CommandRunner } from '../exec/types.js';
import { helmInputsDigest } from './helm-inputs.js';
import { loadGroupManifests } from './load-manifests.js';
import { renderGroup } from './render.js';

const FIXTURES = path.resolve('test/fixtures/helm');
let dir: string;
let helmDir: string;
beforeAll(async () => {
  helmDir = (await k8sTools()).helmDir;
  dir = mkdtempSync(path.join(tmpdir(), 'tarmac-helm-'));
  cpSync(FIXTURES, dir, { recursive: true });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The user's PATH with the cached helm first; `bin` replaces it (a PATH without helm).
const withPath =
  (bin?: string): CommandRunner =>
  (cmd, args, options = {}) =>
    runCommand(cmd, args, { ...options, env: { ...options.env, PATH: bin ?? `${helmDir}:${process.env.PATH ?? ''}` } });

const chart = (extra: Partial<HelmChartSpec> = {}): HelmChartSpec => ({
  chart: path.join(dir, 'web'),
  release: 'shop-web',
  valuesFiles: [],
  values: {},
  set: {},
  ...extra,
});
const group = (helm: HelmChartSpec, namespace?: string): DeployGroupSpec => ({
  name: 'web',
  manifests: [],
  after: [],
  helm,
  ...(namespace ? { namespace } : {}),
});
const failure = async (promise: Promise<unknown>): Promise<TarmacError> => {
  try {
    await promise;
  } catch (err) {
    return err as TarmacError;
  }
  throw new Error('expected a rejection');
};
const data = (objects: { object: { kind: string; [k: string]: unknown } }[], kind: string): unknown =>
  objects.find((o) => o.object.kind === kind)?.object;

describe('Helm groups (real helm)', () => {
  it('renders the chart with values files, inline values and set pairs, in that order of precedence', async () => {
    const spec = chart({
      valuesFiles: [path.join(dir, 'values-staging.yaml')],
      values: { greeting: 'inline, with a comma', port: 9090 },
      set: { replicas: 3 },
    });
    const objects = await loadGroupManifests(group(spec, 'shop'), dir, { runner: withPath() });
    expect(objects.map((o) => `${o.object.kind}/${o.object.metadata.name}`)).toEqual([
      'CustomResourceDefinition/widgets.example.com',
      'ConfigMap/shop-web-config',
      'Service/shop-web',
      'Deployment/shop-web',
      'Widget/shop-web-widget',
    ]);
    expect(data(objects, 'ConfigMap')).toMatchObject({ data: { greeting: 'inline, with a comma' } });
    const deployment = data(objects, 'Deployment') as { spec: { replicas: number; template: unknown } };
    expect(deployment.spec.replicas).toBe(3);
    expect(JSON.stringify(deployment.spec.template)).toContain('{"name":"RELEASE_NAMESPACE","value":"shop"}');
    expect(JSON.stringify(deployment.spec.template)).toContain('"containerPort":9090');
    expect(objects.find((o) => o.object.kind === 'Deployment')).toMatchObject({
      file: 'web/templates/deployment.yaml (chart web)',
      line: 1,
    });
  });

  it('leaves out `helm test` hooks and keeps CRDs from crds/', async () => {
    const objects = await loadGroupManifests(group(chart()), dir, { runner: withPath() });
    expect(objects.some((o) => o.object.metadata.name === 'shop-web-test')).toBe(false);
    expect(objects[0]?.object.kind).toBe('CustomResourceDefinition');
  });

  it('treats the output like manifests: images substituted, the namespace set, Helm’s install order', async () => {
    const objects = await loadGroupManifests(group(chart(), 'shop'), dir, { runner: withPath() });
    const rendered = renderGroup('web', objects, new Map([['web', 'localhost/web:tm-1a2b']]), {
      pullPolicy: 'Never',
      namespace: 'shop',
    });
    expect(rendered.images).toEqual(['web']);
    expect(rendered.objects.map((o) => [o.object.kind, o.object.metadata.namespace])).toEqual([
      ['CustomResourceDefinition', undefined],
      ['ConfigMap', 'shop'],
      ['Service', 'shop'],
      ['Deployment', 'shop'],
      ['Widget', 'shop'],
    ]);
    expect(rendered.waitFor).toEqual([{ kind: 'Deployment', name: 'shop-web', namespace: 'shop' }]);
  });

  it('renders a chart packaged by `helm package` the same as its directory', async () => {
    const packaged = await withPath()('helm', ['package', path.join(dir, 'web'), '--destination', dir]);
    expect(packaged.ok).toBe(true);
    const fromTgz = await loadGroupManifests(group(chart({ chart: path.join(dir, 'web-0.1.0.tgz') })), dir, {
      runner: withPath(),
    });
    const fromDir = await loadGroupManifests(group(chart()), dir, { runner: withPath() });
    expect(fromTgz.map((o) => o.object)).toEqual(fromDir.map((o) => o.object));
  });

  it('changes the render hash when a chart file or a value changes, and only then', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tarmac-helm-hash-'));
    try {
      cpSync(path.join(dir, 'web'), path.join(copy, 'web'), { recursive: true });
      cpSync(path.join(dir, 'values-staging.yaml'), path.join(copy, 'values.yaml'));
      const spec = chart({ chart: path.join(copy, 'web'), valuesFiles: [path.join(copy, 'values.yaml')] });
      const hash = async (s: HelmChartSpec): Promise<string | undefined> => {
        const objects = await loadGroupManifests(group(s), copy, { runner: withPath() });
        return renderGroup('web', objects, new Map(), {
          pullPolicy: 'Never',
          inputsDigest: await helmInputsDigest(s, undefined),
        }).renderHash;
      };
      const first = await hash(spec);
      expect(await hash(spec)).toBe(first);
      // A file that changes no rendered object (the chart's notes) still changes what was deployed from.
      writeFileSync(path.join(copy, 'web', 'templates', 'NOTES.txt'), 'Thanks for installing.\n');
      const afterNotes = await hash(spec);
      expect(afterNotes).not.toBe(first);
      writeFileSync(path.join(copy, 'values.yaml'), 'greeting: changed\n');
      const afterValuesFile = await hash(spec);
      expect(afterValuesFile).not.toBe(afterNotes);
      const afterInline = await hash({ ...spec, values: { port: 81 } });
      expect(afterInline).not.toBe(afterValuesFile);
      expect(await hash({ ...spec, set: { replicas: 2 } })).not.toBe(afterValuesFile);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('without helm on PATH: HELM_NOT_FOUND, exit 3, with an install hint', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'tarmac-no-helm-'));
    try {
      const error = await failure(loadGroupManifests(group(chart()), dir, { runner: withPath(empty) }));
      expect([error.code, error.exitCode]).toEqual(['HELM_NOT_FOUND', 3]);
      expect(error.message).toMatch(/^deploy group web names the Helm chart web, but helm could not start/);
      expect(error.hint).toContain('https://helm.sh/docs/intro/install/');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a broken chart: HELM_TEMPLATE_FAILED, exit 2, with helm’s own located message', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'tarmac-helm-broken-'));
    try {
      cpSync(path.join(dir, 'web'), path.join(broken, 'web'), { recursive: true });
      writeFileSync(
        path.join(broken, 'web', 'templates', 'bad.yaml'),
        'kind: ConfigMap\nx: {{ .Values.greeting | nosuchfunc }}\n',
      );
      const error = await failure(
        loadGroupManifests(group(chart({ chart: path.join(broken, 'web') })), broken, { runner: withPath() }),
      );
      expect([error.code, error.exitCode]).toEqual(['HELM_TEMPLATE_FAILED', 2]);
      expect(error.message).toBe(
        'deploy group web: helm template of chart web failed: parse error at (web/templates/bad.yaml:2): function "nosuchfunc" not defined',
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
