// Registry mode end to end: one job builds and pushes by content tag; `tarmac up` on a machine with an empty image
// store pulls instead of building, deploys and passes the suite (real podman, real docker-registry on loopback).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareExample } from '../support/podman-env.js';
import { removeEnvImages } from '../support/podman-query.js';
import { finalStates, readJournal, startOrder } from '../support/journal-checks.js';
import { createCleanStore, startRegistry, type CleanStore, type LocalRegistry } from '../support/registry.js';
import { copyExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('upreg');
let registry: LocalRegistry;
let store: CleanStore;
let project = '';
const file = () => join(project, 'tarmac.yaml');

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry();
  store = createCleanStore();
  project = copyExample(envName, 1, (config) => {
    config.registry = { url: `${registry.host}/${envName}`, pull: true, insecure: true };
  });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()], { env: store.env });
  store?.remove();
  await removeEnvImages(envName);
  await registry?.stop();
});

describe('registry mode: build once, up elsewhere', () => {
  it('the build job builds and pushes every image', async () => {
    const r = await runTarmac(['build', '--push', '-f', file()]);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/4 built/);
  });

  it('up in an empty image store builds nothing, pulls what it deploys, and passes the suite', async () => {
    expect(await store.images()).toEqual([]);
    const r = await runTarmac(['up', '-f', file(), '--json'], { env: store.env });
    expect(r.exitCode, r.all).toBe(0);
    const events = readJournal((JSON.parse(r.stdout) as { journal: string }).journal);
    const states = finalStates(events);
    for (const image of ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'])
      expect(states[`build:${image}`], image).toBe('cached');
    expect(startOrder(events).filter((id) => id.startsWith('build:'))).toEqual([]);
    expect(states.test).toBe('succeeded');
    const pulled = await store.images();
    for (const image of ['datastorage', 'holmesgpt-api', 'aianalysis'])
      expect(
        pulled.some((ref) => ref.startsWith(`${registry.host}/${envName}/${image}:tm-`)),
        image,
      ).toBe(true);
    // The base image is only a build input: nothing deploys it, so nothing pulls it.
    expect(pulled.some((ref) => ref.includes('/base:'))).toBe(false);
  });
});
