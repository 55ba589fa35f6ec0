// `up --pull-only` and `--shard` refusing what they cannot do, through the real CLI against a real (empty)
// registry and an empty image store: nothing is built, and each message names what to run where.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExample } from '../support/podman-env.js';
import { createCleanStore, startRegistry, type CleanStore, type LocalRegistry } from '../support/registry.js';
import { copyExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('pullonly');
let registry: LocalRegistry;
let store: CleanStore;
let project = '';
const file = () => join(project, 'tarmac.yaml');

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry();
  store = createCleanStore();
  project = copyExample(envName, 1, (config) => {
    config.registry = { url: `${registry.host}/${envName}`, insecure: true };
  });
});
afterAll(async () => {
  await runTarmac(['down', '-f', file()], { env: store.env });
  store?.remove();
  await registry?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('up --pull-only errors (real podman, real docker-registry)', () => {
  it('an image the build job never pushed: exit 3 naming each tag and `tarmac build --push`; nothing built', async () => {
    const r = await runTarmac(['up', '--pull-only', '-f', file()], { env: store.env });
    expect(r.exitCode, r.all).toBe(3);
    expect(r.all).toContain('IMAGE_NOT_IN_REGISTRY');
    for (const image of ['datastorage', 'holmesgpt-api', 'aianalysis'])
      expect(r.all).toMatch(
        new RegExp(`${image}: ${registry.host}/${envName}/${image}:tm-[0-9a-f]{12} is not in the registry`),
      );
    expect(r.all).toContain('Run `tarmac build --push` in the build job');
    expect(await store.images()).toEqual([]);
  });

  it('a refs file naming tags the registry lacks: exit 3 saying the tags came from that file', async () => {
    const refs = join(project, 'refs.json');
    const images = Object.fromEntries(
      ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'].map((n) => [
        n,
        `${registry.host}/${envName}/${n}:tm-000000000000`,
      ]),
    );
    writeFileSync(refs, JSON.stringify({ images, env: 'other', runId: 'x', registry: `${registry.host}/${envName}` }));
    const r = await runTarmac(['up', '--pull-only', '--refs', refs, '-f', file()], { env: store.env });
    expect(r.exitCode, r.all).toBe(3);
    expect(r.all).toContain(`tags named in ${refs}`);
    expect(r.all).toContain(
      `aianalysis: ${registry.host}/${envName}/aianalysis:tm-000000000000 is not in the registry`,
    );
    expect(r.all).toContain('run `tarmac build --push --refs FILE` in the build job');
  });

  it('a refs file that lacks images, or does not exist: exit 2', async () => {
    const partial = join(project, 'partial.json');
    writeFileSync(partial, JSON.stringify({ images: { base: `${registry.host}/${envName}/base:tm-000000000000` } }));
    const lacking = await runTarmac(['up', '--pull-only', '--refs', partial, '-f', file()], { env: store.env });
    expect(lacking.exitCode, lacking.all).toBe(2);
    expect(lacking.all).toContain('names no reference for datastorage, holmesgpt-api, aianalysis');
    const missing = await runTarmac(['up', '--pull-only', '--refs', join(project, 'nope.json'), '-f', file()], {
      env: store.env,
    });
    expect(missing.exitCode, missing.all).toBe(2);
    expect(missing.all).toContain('REFS_FILE_MISSING');
  });

  it('--refs without --pull-only, --pull-only without a registry, build --refs without --push: exit 2', async () => {
    const noPull = await runTarmac(['up', '--refs', 'refs.json', '-f', file()], { env: store.env });
    expect(noPull.exitCode, noPull.all).toBe(2);
    expect(noPull.all).toContain('REFS_WITHOUT_PULL_ONLY');
    const plain = copyExample(`${envName}-plain`, 1);
    try {
      const r = await runTarmac(['up', '--pull-only', '-f', join(plain, 'tarmac.yaml')], { env: store.env });
      expect(r.exitCode, r.all).toBe(2);
      expect(r.all).toContain('--pull-only needs a registry');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const build = await runTarmac(['build', '--refs', 'refs.json', '-f', file()], { env: store.env });
    expect(build.exitCode, build.all).toBe(2);
    expect(build.all).toContain('REFS_WITHOUT_PUSH');
  });

  it.each(['0/2', '3/2', 'two', '1/0'])('--shard %s is refused with exit 2 before anything runs', async (shard) => {
    for (const command of ['up', 'test']) {
      const r = await runTarmac([command, '--shard', shard, '-f', file()], { env: store.env });
      expect(r.exitCode, r.all).toBe(2);
      expect(r.all).toContain(`option '--shard <I/N>' argument '${shard}' is invalid`);
    }
  });
});
