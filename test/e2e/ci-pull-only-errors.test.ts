// `up --pull-only` refusing tags the registry lacks, through the real CLI against a real (empty) registry and an
// empty image store: nothing is built, and each message names what to run where. Option combinations refused
// before anything runs (--refs, --shard, no registry) are checked in-process: test/cli-option-errors.test.ts.
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
});
