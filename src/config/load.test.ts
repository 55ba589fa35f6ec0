import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, TarmacError } from '../errors/errors.js';
import { findConfigFile, loadEnv, loadEnvWithWarnings } from './load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tarmac-config-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

// Writes files under root; a name ending in `/` makes a directory.
function tree(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(name.endsWith('/') ? file : path.dirname(file), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(file, content);
  }
}

const FROM = 'FROM docker.io/library/alpine:3.20\n';

describe('loadEnv normalisation', () => {
  it('resolves paths against the config file and fills every default', async () => {
    tree({
      'proj/tarmac.yaml': [
        'name: shop',
        'images:',
        '  - { name: base, context: svc/base }',
        '  - { name: api, context: svc/api, dependsOn: [base], args: { N: 3, DEBUG: false, TAG: v1 }, weight: 2 }',
        '  - { name: web, containerfile: web.Containerfile }',
        'deploy:',
        '  - { name: apps, manifests: [k8s], kustomize: kz }',
        'test: { command: [node, suite.mjs], junit: out/junit.xml }',
        'cluster: { kindConfig: kind.yaml }',
        'timeouts: { test: 20m, build: 90 }',
      ].join('\n'),
      'proj/svc/base/Containerfile': FROM,
      'proj/svc/api/Dockerfile': FROM,
      'proj/web.Containerfile': FROM,
      'proj/k8s/': '',
      'proj/kz/kustomization.yaml': 'resources: []\n',
      'proj/kind.yaml': 'kind: Cluster\n',
    });
    const dir = path.join(root, 'proj');
    const env = await loadEnv('proj/tarmac.yaml', { cwd: root });
    expect(env).toMatchObject({
      name: 'shop',
      file: path.join(dir, 'tarmac.yaml'),
      dir,
      stateDir: path.join(dir, '.tarmac'),
      capacity: 2,
    });
    expect(env.engine).toEqual({ type: 'auto' });
    expect(env.images).toEqual([
      {
        name: 'base',
        contextDir: path.join(dir, 'svc/base'),
        containerfile: path.join(dir, 'svc/base/Containerfile'),
        args: {},
        weight: 1,
        dependsOn: [],
      },
      {
        name: 'api',
        contextDir: path.join(dir, 'svc/api'),
        containerfile: path.join(dir, 'svc/api/Dockerfile'),
        args: { N: '3', DEBUG: 'false', TAG: 'v1' },
        weight: 2,
        dependsOn: ['base'],
      },
      {
        name: 'web',
        contextDir: dir,
        containerfile: path.join(dir, 'web.Containerfile'),
        args: {},
        weight: 1,
        dependsOn: [],
      },
    ]);
    expect(env.cluster).toEqual({
      target: 'auto',
      name: 'shop-e2e',
      kindConfig: path.join(dir, 'kind.yaml'),
      reuse: 'healthy',
    });
    expect(env.deploy).toEqual([
      { name: 'apps', manifests: [path.join(dir, 'k8s')], kustomize: path.join(dir, 'kz'), after: [] },
    ]);
    expect(env.test).toEqual({
      command: ['node', 'suite.mjs'],
      env: {},
      junit: path.join(dir, 'out/junit.xml'),
      timeoutMs: 1_200_000,
      cwd: dir,
    });
    expect(env.timeouts).toMatchObject({ build: 90_000, test: 1_200_000, cluster: 300_000, heartbeat: 15_000 });
    expect(env.registry).toBeUndefined();
  });

  it('takes the test timeout and cwd from test: when given', async () => {
    tree({
      'tarmac.yaml': 'name: shop\ntest: { command: [make, e2e], timeout: 5m, cwd: e2e }\ncluster: { name: ci }\n',
      'e2e/': '',
    });
    const env = await loadEnv(path.join(root, 'tarmac.yaml'));
    expect(env.test).toMatchObject({ timeoutMs: 300_000, cwd: path.join(root, 'e2e') });
    expect(env.cluster.name).toBe('ci');
  });

  it('returns warnings beside the Env without failing', async () => {
    tree({
      'tarmac.yaml': 'name: shop\nbuild: { capacity: 1 }\nimages:\n  - { name: big, weight: 3 }\n',
      Containerfile: FROM,
    });
    const { env, warnings } = await loadEnvWithWarnings(path.join(root, 'tarmac.yaml'));
    expect(env.images[0]?.weight).toBe(3);
    expect(warnings).toEqual([
      expect.objectContaining({ line: 4, path: 'images[0].weight', message: expect.stringMatching(/run alone/) }),
    ]);
  });
});

describe('loadEnv errors', () => {
  it('reports schema and rule problems together, sorted by line', async () => {
    tree({
      'tarmac.yaml': 'name: shop\nimages:\n  - { name: a, context: nope }\n  - { name: b, weight: 0 }\n',
      Containerfile: FROM,
    });
    const err = await loadEnv(path.join(root, 'tarmac.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const { problems, exitCode } = err as ConfigError;
    expect(exitCode).toBe(2);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual([
      '3:25 images[0].context',
      '4:24 images[1].weight',
    ]);
  });

  it('shows where a relative path resolved to when cwd is elsewhere', async () => {
    tree({ 'proj/tarmac.yaml': 'name: shop\nimages:\n  - { name: a, context: svc }\n' });
    const err = (await loadEnv('proj/tarmac.yaml', { cwd: root }).catch((e: unknown) => e)) as ConfigError;
    expect(err.problems[0]?.message).toBe('Build context directory `svc` (resolved to `proj/svc`) does not exist');
  });

  it('throws CONFIG_NOT_FOUND with exit 2 and a hint naming -f for a missing file', async () => {
    const err = await loadEnv(path.join(root, 'missing.yaml')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TarmacError);
    expect(err).toMatchObject({ code: 'CONFIG_NOT_FOUND', exitCode: 2, hint: expect.stringContaining('-f') });
  });
});

describe('findConfigFile', () => {
  it('finds tarmac.yaml, then tarmac.yml', () => {
    tree({ 'a/tarmac.yml': 'name: a\n', 'b/tarmac.yaml': 'name: b\n', 'b/tarmac.yml': 'name: b\n' });
    expect(findConfigFile(path.join(root, 'a'))).toBe(path.join(root, 'a/tarmac.yml'));
    expect(findConfigFile(path.join(root, 'b'))).toBe(path.join(root, 'b/tarmac.yaml'));
  });

  it('throws CONFIG_NOT_FOUND (exit 2) naming -f when there is none', () => {
    expect(() => findConfigFile(root)).toThrow(
      expect.objectContaining({ code: 'CONFIG_NOT_FOUND', exitCode: 2, hint: expect.stringContaining('-f') }),
    );
  });
});
