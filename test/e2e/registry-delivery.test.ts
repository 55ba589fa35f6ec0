// Registry mode against a real local registry (docker-registry on loopback) and real podman: one job
// builds and pushes by content tag; a clean machine (its own image store) builds nothing, and its `tarmac up`
// pulls what it deploys and passes the suite.
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTag } from '../../src/registry/client.js';
import type { TarmacEvent } from '../../src/events/types.js';
import { stepLogName } from '../../src/journal/run-dir.js';
import { prepareExample } from '../support/podman-env.js';
import { removeEnvImages } from '../support/podman-query.js';
import { finalStates, readJournal, startOrder } from '../support/journal-checks.js';
import { createCleanStore, startRegistry, type CleanStore, type LocalRegistry } from '../support/registry.js';
import {
  copyExample,
  copyProject,
  parseJsonOutput,
  repoRoot,
  runTarmac,
  uniqueEnvName,
} from '../support/tarmac-cli.js';

const envName = uniqueEnvName('regmode');
let registry: LocalRegistry;
let project = '';
const stores: CleanStore[] = [];
let upStore: CleanStore | undefined;
const names = ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'];

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry();
  // The second machine pulls (registry.pull); pushing is what `--push` adds on the first.
  project = copyExample(envName, 1, (config) => {
    config.registry = { url: `${registry.host}/${envName}`, pull: true, insecure: true };
  });
});
afterAll(async () => {
  // The env the clean-store `up` made, if its test failed before its own `down`.
  if (upStore) await runTarmac(['down', '-f', config()], { env: upStore.env });
  await removeEnvImages(envName);
  for (const store of stores) store.remove();
  await registry?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

const config = () => join(project, 'tarmac.yaml');
async function build(args: string[], env: Record<string, string> = {}) {
  const result = await runTarmac(['build', '-f', config(), '--json', ...args], { env });
  expect(result.exitCode, result.all).toBe(0);
  const json = parseJsonOutput(result.stdout);
  return {
    json,
    events: readJournal(json.journal),
    states: Object.fromEntries(json.images.map((i) => [i.name, i.state])),
  };
}
// A step's output lines, from the journal's per-step log.
const stepLines = (journal: string, image: string) =>
  readFileSync(join(journal, 'steps', stepLogName(`build:${image}`)), 'utf8').split('\n');
const finishedDetail = (events: TarmacEvent[], stepId: string) =>
  events.flatMap((e) => (e.type === 'step.finished' && e.stepId === stepId ? [e.detail] : []))[0];
function cleanStore(): CleanStore {
  const store = createCleanStore();
  stores.push(store);
  return store;
}

describe('registry mode with a real local registry (real podman)', () => {
  let refs: Record<string, string> = {};

  it('build --push builds every image and pushes each by content tag; the registry then has every tag', async () => {
    const { json, states, events } = await build(['--push']);
    expect(states).toEqual(Object.fromEntries(names.map((n) => [n, 'succeeded'])));
    refs = Object.fromEntries(json.images.map((i) => [i.name, i.ref]));
    for (const name of names) {
      expect(refs[name]).toMatch(
        new RegExp(`^${registry.host.replace(/\./g, '\\.')}/${envName}/${name}:tm-[0-9a-f]{12}$`),
      );
      expect(stepLines(json.journal, name)).toContain(`pushed ${refs[name]}`);
      expect(finishedDetail(events, `build:${name}`)).toBe(`${refs[name]}, pushed`);
      expect(await hasTag(refs[name]!, { insecure: true })).toBe(true);
    }
    expect(await hasTag(`${registry.host}/${envName}/base:tm-000000000000`, { insecure: true })).toBe(false);
  });

  it('a clean image store builds nothing: every image is cached "in registry", and nothing is pulled yet', async () => {
    const store = cleanStore();
    expect(await store.images()).toEqual([]);
    const { json, states, events } = await build([], store.env);
    expect(states).toEqual(Object.fromEntries(names.map((n) => [n, 'cached'])));
    expect(Object.fromEntries(json.images.map((i) => [i.name, i.ref]))).toEqual(refs);
    expect(startOrder(events)).toEqual([]);
    for (const name of names) expect(finishedDetail(events, `build:${name}`)).toBe(`in registry: ${refs[name]}`);
    expect(await store.images()).toEqual([]);
  });

  it('up in that empty image store builds nothing, pulls what it deploys, and passes the suite', async () => {
    const store = (upStore = cleanStore());
    const r = await runTarmac(['up', '-f', config(), '--json'], { env: store.env });
    expect(r.exitCode, r.all).toBe(0);
    const events = readJournal((JSON.parse(r.stdout) as { journal: string }).journal);
    const states = finalStates(events);
    for (const name of names) expect(states[`build:${name}`], name).toBe('cached');
    expect(startOrder(events).filter((id) => id.startsWith('build:'))).toEqual([]);
    expect(states.test).toBe('succeeded');
    // Every deployed image is pulled by its content tag; the base is only a build input, so nothing pulls it.
    // (The store also gets podman's own pause image, for the pods.)
    const pulled = (await store.images()).filter((ref) => ref.startsWith(`${registry.host}/`));
    expect(pulled.sort()).toEqual(
      names
        .filter((n) => n !== 'base')
        .map((n) => refs[n])
        .sort(),
    );
    const down = await runTarmac(['down', '-f', config()], { env: store.env });
    expect(down.exitCode, down.all).toBe(0);
    upStore = undefined;
  });

  it('a clean store that must build one image pulls its base first, builds it and pushes the new tag', async () => {
    const store = cleanStore();
    appendFileSync(join(project, 'datastorage', '.tarmac-test-nonce'), '-changed');
    const { json, states, events } = await build(['--push'], store.env);
    expect(states).toEqual({
      base: 'cached',
      datastorage: 'succeeded',
      'holmesgpt-api': 'cached',
      aianalysis: 'cached',
    });
    const fresh = json.images.find((i) => i.name === 'datastorage')!.ref;
    expect(fresh).not.toBe(refs.datastorage);
    expect(stepLines(json.journal, 'datastorage')).toEqual(
      expect.arrayContaining([`pulled ${refs.base}`, `pushed ${fresh}`]),
    );
    expect(finishedDetail(events, 'build:base')).toBe(`in registry: ${refs.base}`);
    expect((await store.images()).sort()).toEqual([refs.base, fresh].sort());
    expect(await hasTag(fresh, { insecure: true })).toBe(true);
  });

  it('with the registry down, a push build stops before building with REGISTRY_UNREACHABLE naming it (exit 3)', async () => {
    const host = registry.host;
    await registry.stop();
    const result = await runTarmac(['build', '-f', config(), '--push']);
    expect(result.exitCode, result.all).toBe(3);
    expect(result.stderr).toContain('error[REGISTRY_UNREACHABLE]');
    expect(result.stderr).toContain(`Cannot reach the registry at http://${host} (connection refused)`);
    expect(result.stderr).toContain('hint:');
  });
});

describe('tarmac build --push without a registry', () => {
  it('is a usage error (exit 2) that says how to configure one', async () => {
    const plain = copyProject(join(repoRoot, 'examples/aianalysis'), uniqueEnvName('nopush'));
    const result = await runTarmac(['build', '-f', join(plain, 'tarmac.yaml'), '--push']);
    rmSync(plain, { recursive: true, force: true });
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr).toContain('error[PUSH_WITHOUT_REGISTRY]');
    expect(result.stderr).toContain('registry: { url:');
  });
});
