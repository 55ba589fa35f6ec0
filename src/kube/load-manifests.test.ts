import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeployGroupSpec } from '../config/types.js';
import type { TarmacError } from '../errors/errors.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { loadGroupManifests } from './load-manifests.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'tarmac-manifests-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, text: string): string => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
};
const group = (manifests: string[], extra: Partial<DeployGroupSpec> = {}): DeployGroupSpec => ({
  name: 'apps',
  manifests,
  after: [],
  ...extra,
});
const failure = async (promise: Promise<unknown>): Promise<TarmacError> => {
  try {
    await promise;
  } catch (err) {
    return err as TarmacError;
  }
  throw new Error('expected a rejection');
};

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n';

describe('loadGroupManifests', () => {
  it('reads the example project’s manifests with their lines', async () => {
    const example = path.resolve('examples/aianalysis');
    const objects = await loadGroupManifests(group([path.join(example, 'manifests/apps')]), example);
    expect(objects.map((o) => [o.file, o.line, `${o.object.kind}/${o.object.metadata.name}`])).toEqual([
      ['manifests/apps/aianalysis.yaml', 3, 'Deployment/aianalysis'],
      ['manifests/apps/aianalysis.yaml', 41, 'Service/aianalysis'],
      ['manifests/apps/holmesgpt-api.yaml', 3, 'Deployment/holmesgpt-api'],
      ['manifests/apps/holmesgpt-api.yaml', 36, 'Service/holmesgpt-api'],
    ]);
  });

  it('reads a directory’s yaml, yml and json files sorted, skipping other files, subdirectories and empty documents', async () => {
    write('m/b.yml', `---\n${DEPLOY}---\n# nothing here\n---\n`);
    write('m/a.json', JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' } }));
    write('m/notes.txt', 'not a manifest');
    write('m/sub/c.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n');
    const file = write(
      'single.yaml',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n',
    );
    const objects = await loadGroupManifests(group([path.join(dir, 'm'), file]), dir);
    expect(objects.map((o) => `${o.file}:${o.line} ${o.object.kind}/${o.object.metadata.name}`)).toEqual([
      'm/a.json:1 Service/api',
      'm/b.yml:2 Deployment/api',
      'single.yaml:1 ConfigMap/one',
    ]);
  });

  it('names file:line:col and the YAML error for a document that is not valid YAML', async () => {
    const file = write('bad.yaml', `${DEPLOY}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [api\n`);
    const err = await failure(loadGroupManifests(group([file]), dir));
    expect(err).toMatchObject({ code: 'MANIFEST_INVALID', exitCode: 2 });
    expect(err.message).toMatch(/^bad\.yaml:10:1: not valid YAML: .+/);
  });

  it('names the file and document of an object without apiVersion, kind or metadata.name', async () => {
    const file = write('incomplete.yaml', `${DEPLOY}---\nkind: Service\nmetadata:\n  labels: {}\n`);
    const err = await failure(loadGroupManifests(group([file]), dir));
    expect(err).toMatchObject({
      code: 'MANIFEST_INVALID',
      exitCode: 2,
      message: 'incomplete.yaml:6 (document 2): the Service object has no apiVersion, metadata.name',
    });
    const list = write('list.yaml', '- a\n- b\n');
    expect((await failure(loadGroupManifests(group([list]), dir))).message).toBe(
      'list.yaml:1 (document 1): a manifest document must be a mapping (a Kubernetes object), found a list',
    );
  });

  it('rejects a document whose aliases expand beyond reason', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    const err = await failure(loadGroupManifests(group([write('bomb.yaml', bomb)]), dir));
    expect(err).toMatchObject({ code: 'MANIFEST_INVALID' });
    expect(err.message).toMatch(/^bomb\.yaml:1 \(document 1\): cannot be read: /);
  });

  it('reports a missing path, an empty directory and a duplicate object', async () => {
    const missing = await failure(loadGroupManifests(group([path.join(dir, 'gone.yaml')]), dir));
    expect(missing).toMatchObject({
      code: 'MANIFEST_NOT_FOUND',
      exitCode: 2,
      message: 'Manifest path gone.yaml does not exist',
    });
    mkdirSync(path.join(dir, 'empty'));
    expect((await failure(loadGroupManifests(group([path.join(dir, 'empty')]), dir))).message).toMatch(
      /^Manifest directory empty holds no/,
    );
    const twice = [write('one.yaml', DEPLOY), write('two.yaml', `# again\n${DEPLOY}`)];
    expect((await failure(loadGroupManifests(group(twice), dir))).message).toBe(
      'deploy group apps: Deployment/api is defined twice, at one.yaml:1 and two.yaml:2',
    );
  });

  describe('kustomize', () => {
    // Recorded from this machine's `kubectl kustomize` (v1.32.4 dispatcher, kustomize v5.5.0).
    const BUILT =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: e2e-api\nspec:\n  template:\n    spec:\n      containers:\n      - image: api\n        name: api';
    const MISSING = `E1128 18:37:40.925271    9904 run.go:72] "command failed" err="accumulating resources: accumulation err='accumulating resources from 'missing.yaml': evalsymlink failure on '/tmp/kz2/missing.yaml' : lstat /tmp/kz2/missing.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/tmp/kz2/missing.yaml' : lstat /tmp/kz2/missing.yaml: no such file or directory"`;

    it('adds the objects `kubectl kustomize DIR` prints', async () => {
      const runner = fakeRunner(() => ({ stdout: BUILT }));
      const objects = await loadGroupManifests(group([], { kustomize: path.join(dir, 'overlay') }), dir, { runner });
      expect(runner.calls.map((c) => [c.cmd, ...c.args])).toEqual([
        ['kubectl', 'kustomize', path.join(dir, 'overlay')],
      ]);
      expect(objects.map((o) => [o.file, o.line, o.object.metadata.name])).toEqual([
        ['kustomize overlay', 1, 'e2e-api'],
      ]);
    });

    it('says kustomize is unavailable when kubectl cannot start, and shows kustomize’s own error otherwise', async () => {
      const absent = fakeRunner(() => ({ exitCode: undefined, spawnError: 'kubectl not found' }));
      const err = await failure(
        loadGroupManifests(group([], { kustomize: path.join(dir, 'k') }), dir, { runner: absent }),
      );
      expect(err).toMatchObject({
        code: 'KUSTOMIZE_UNAVAILABLE',
        exitCode: 3,
        message: 'Cannot build kustomization k: kubectl could not start (kubectl not found)',
      });
      expect(err.hint).toMatch(/install kubectl/);
      const broken = fakeRunner(() => ({ exitCode: 1, stderr: MISSING }));
      const failed = await failure(
        loadGroupManifests(group([], { kustomize: path.join(dir, 'k') }), dir, { runner: broken }),
      );
      expect(failed).toMatchObject({
        code: 'KUSTOMIZE_FAILED',
        exitCode: 2,
        message: 'kustomization k did not build: `kubectl kustomize ' + path.join(dir, 'k') + '` exited 1',
      });
      expect(failed.details.join('\n')).toContain('missing.yaml: no such file or directory');
      const wrapper = fakeRunner(() => ({ exitCode: 1, stderr: 'error: unknown command "kustomize" for "kubectl"' }));
      expect(
        await failure(loadGroupManifests(group([], { kustomize: path.join(dir, 'k') }), dir, { runner: wrapper })),
      ).toMatchObject({ code: 'KUSTOMIZE_UNAVAILABLE' });
    });
  });
});
