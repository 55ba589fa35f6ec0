// Registry credentials against a real docker-registry with htpasswd auth: tarmac's own tag check answers the
// 401, podman push/pull get a temp --authfile, and a refused password is REGISTRY_AUTH without the password.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTag } from '../../src/registry/client.js';
import { prepareExample } from '../support/podman-env.js';
import { removeEnvImages } from '../support/podman-query.js';
import { createCleanStore, startRegistry, type CleanStore, type LocalRegistry } from '../support/registry.js';
import { copyExample, parseJsonOutput, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('regauth');
const password = 'e2e-Secret-9f3a1c';
let registry: LocalRegistry;
let project = '';
const stores: CleanStore[] = [];
const config = () => join(project, 'tarmac.yaml');
const withPassword = (extra: Record<string, string> = {}) => ({ TARMAC_REGISTRY_PASSWORD: password, ...extra });

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry(20_000, { users: { ci: password } });
  project = copyExample(envName, 1, (c) => {
    c.registry = { url: `${registry.host}/${envName}`, insecure: true, username: 'ci' };
  });
});
afterAll(async () => {
  await removeEnvImages(envName);
  for (const store of stores) store.remove();
  await registry?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('registry credentials (real docker-registry with htpasswd, real podman)', () => {
  it('the registry really requires them', async () => {
    const res = await fetch(`http://${registry.host}/v2/`);
    expect(res.status).toBe(401);
  });

  it('build --push with TARMAC_REGISTRY_PASSWORD pushes; the registry has the tag; the password is in no output', async () => {
    const refs = join(project, 'refs.json');
    const r = await runTarmac(['build', '--push', '--only', 'base', '--refs', refs, '-f', config(), '--json'], {
      env: withPassword(),
    });
    expect(r.exitCode, r.all).toBe(0);
    const ref = parseJsonOutput(r.stdout).images.find((i) => i.name === 'base')?.ref ?? '';
    expect(ref).toMatch(new RegExp(`^${registry.host}/${envName}/base:tm-`));
    expect(await hasTag(ref, { insecure: true, credentials: { username: 'ci', password } })).toBe(true);
    expect(r.all).not.toContain(password);
    // The user is in tarmac.yaml, the password only in the environment: the refs file is written all the same.
    expect((JSON.parse(readFileSync(refs, 'utf8')) as { images: Record<string, string> }).images.base).toBe(ref);
    expect(readFileSync(refs, 'utf8')).not.toContain(password);
  });

  it('a clean machine pulls the base with the credentials, builds on it and pushes; then finds everything in the registry', async () => {
    const store = createCleanStore();
    stores.push(store);
    const first = await runTarmac(['build', '--push', '--only', 'datastorage', '-f', config(), '--json'], {
      env: withPassword(store.env),
    });
    expect(first.exitCode, first.all).toBe(0);
    const states = Object.fromEntries(parseJsonOutput(first.stdout).images.map((i) => [i.name, i.state]));
    expect(states).toEqual({ base: 'cached', datastorage: 'succeeded' });
    expect((await store.images()).some((ref) => ref.includes(`/${envName}/base:tm-`))).toBe(true);
    const again = await runTarmac(['build', '--push', '--only', 'datastorage', '-f', config(), '--json'], {
      env: withPassword(createCleanStoreFor(stores).env),
    });
    expect(again.exitCode, again.all).toBe(0);
    expect(parseJsonOutput(again.stdout).images.map((i) => i.state)).toEqual(['cached', 'cached']);
  });

  it('a wrong password is REGISTRY_AUTH (exit 3) naming the user, never the password', async () => {
    const r = await runTarmac(['build', '--push', '--only', 'base', '-f', config()], {
      env: { TARMAC_REGISTRY_PASSWORD: 'wrong-Password-77' },
    });
    expect(r.exitCode, r.all).toBe(3);
    expect(r.all).toContain('REGISTRY_AUTH');
    expect(r.all).toContain('refused the credentials of ci');
    expect(r.all).not.toContain('wrong-Password-77');
  });

  it('no credentials at all: REGISTRY_AUTH saying how to give them', async () => {
    const anonymous = copyExample(`${envName}-anon`, 1, (c) => {
      c.registry = { url: `${registry.host}/${envName}`, insecure: true };
    });
    try {
      const r = await runTarmac(['build', '--push', '--only', 'base', '-f', join(anonymous, 'tarmac.yaml')]);
      expect(r.exitCode, r.all).toBe(3);
      expect(r.all).toContain('requires authentication (HTTP 401)');
      expect(r.all).toContain('TARMAC_REGISTRY_PASSWORD');
    } finally {
      rmSync(anonymous, { recursive: true, force: true });
    }
  });
});

// Another empty store, removed with the others after the tests.
function createCleanStoreFor(list: CleanStore[]): CleanStore {
  const store = createCleanStore();
  list.push(store);
  return store;
}
