import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors.js';
import { loadEnv } from './load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tarmac-suites-'));
  mkdirSync(path.join(root, 'k8s'));
  writeFileSync(path.join(root, 'Containerfile'), 'FROM docker.io/library/busybox\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function load(lines: string[]): Promise<Awaited<ReturnType<typeof loadEnv>>> {
  writeFileSync(path.join(root, 'tarmac.yaml'), lines.join('\n'));
  return loadEnv(path.join(root, 'tarmac.yaml'));
}

async function problems(lines: string[]): Promise<string[]> {
  const error: unknown = await load(lines).catch((e: unknown) => e);
  if (!(error instanceof ConfigError)) throw new Error('expected a ConfigError');
  return error.problems.map((p) => `${p.line}:${p.col} ${p.message} | ${p.hint ?? ''}`);
}

const HEAD = [
  'name: shop',
  'images: [{ name: api }, { name: web }]',
  'deploy: [{ name: db, manifests: [k8s] }]',
  'build: { memory: 8GiB }',
];

describe('suites in tarmac.yaml', () => {
  it('resolves shared groups, own groups, named clusters and the default cluster', async () => {
    const env = await load([
      ...HEAD,
      'suites:',
      '  - name: fleet',
      '    images: [api]',
      '    uses: [db]',
      '    deploy: [{ name: agent, manifests: [k8s], after: [db] }]',
      '    clusters:',
      '      - { name: hub, deploy: [db] }',
      '      - { name: spoke, kindConfig: kind.yaml, deploy: [agent] }',
      '    test: { command: [node, fleet.mjs] }',
      '    memory: 3GiB',
      '  - { name: gateway, images: [api, web], uses: [db], test: { command: [node, gw.mjs] } }',
    ]);
    expect(env.memoryBytes).toBe(8 * 1024 ** 3);
    const [fleet, gateway] = env.suites!;
    expect(fleet!.deploy.map((g) => g.name)).toEqual(['db', 'agent']);
    expect(fleet!.clusters).toEqual([
      { name: 'hub', clusterName: 'shop-fleet-hub', groups: ['db'] },
      { name: 'spoke', clusterName: 'shop-fleet-spoke', kindConfig: path.join(root, 'kind.yaml'), groups: ['agent'] },
    ]);
    expect(fleet!.memoryBytes).toBe(3 * 1024 ** 3);
    expect(fleet!.test?.command).toEqual(['node', 'fleet.mjs']);
    expect(gateway!.clusters).toEqual([{ name: 'main', clusterName: 'shop-gateway-main', groups: ['db'] }]);
  });

  it('leaves a file without suites exactly as before (no suites key)', async () => {
    const env = await load(HEAD);
    expect('suites' in env).toBe(false);
  });

  it('locates unknown images, groups and cluster groups with a suggestion', async () => {
    const found = await problems([
      ...HEAD,
      'suites:',
      '  - name: fleet',
      '    images: [apj]',
      '    uses: [dbb]',
      '    clusters: [{ name: hub, deploy: [agent] }]',
      '  - { name: fleet }',
    ]);
    expect(found).toEqual([
      '7:14 Unknown image `apj` in `images` | Did you mean `api`?',
      '8:12 Unknown deploy group `dbb` in `uses` | Did you mean `db`?',
      '9:38 Unknown deploy group `agent` in `deploy` | No deploy group of that name here.',
      '10:13 Suite name `fleet` is already used by suites[0] | Suite names must be unique; rename one of them.',
    ]);
  });

  it('rejects a derived cluster name too long for a kind node', async () => {
    const found = await problems([
      'name: a-rather-long-environment-name-here',
      'suites: [{ name: integration-tests, clusters: [{ name: spoke }] }]',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /cluster name `a-rather-long-environment-name-here-integration-tests-spoke` is 59 characters; kind allows 49/,
    );
  });
});
