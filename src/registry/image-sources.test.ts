import { describe, expect, it } from 'vitest';
import { rejection } from '../engines/engine.test-kit.js';
import { cacheDecision, registryMode, resolveImageSources, type RegistryMode } from './image-sources.js';
import { fakeWorld } from './registry.test-kit.js';

const URL_ = '127.0.0.1:5000/team';
const mode = (over: Partial<RegistryMode>): RegistryMode => ({
  url: URL_,
  push: false,
  pull: false,
  insecure: true,
  ...over,
});
const tags = new Map([
  ['base', { tag: 'tm-b' }],
  ['app', { tag: 'tm-a' }],
]);
const BASE = `${URL_}/base:tm-b`;
const APP = `${URL_}/app:tm-a`;

describe('cacheDecision', () => {
  const ref = `${URL_}/x:tm-1`;
  it.each([
    ['local, no registry', { local: true }, undefined, { cached: true }],
    ['absent, no registry', { local: false }, undefined, { cached: false }],
    ['local, pull mode, registry not asked', { local: true }, mode({ pull: true }), { cached: true }],
    [
      'only in registry, pull mode',
      { local: false, registry: true },
      mode({ pull: true }),
      { cached: true, detail: `in registry: ${ref}` },
    ],
    [
      'only in registry, push mode',
      { local: false, registry: true },
      mode({ push: true }),
      { cached: true, detail: `in registry: ${ref}` },
    ],
    ['only in registry, neither pull nor push', { local: false, registry: true }, mode({}), { cached: false }],
    [
      'local but not in registry, push mode: the step pushes',
      { local: true, registry: false },
      mode({ push: true }),
      { cached: false },
    ],
    [
      'local and in registry, push mode',
      { local: true, registry: true },
      mode({ push: true }),
      { cached: true, detail: `${ref} (local, in registry)` },
    ],
    ['nowhere, push mode', { local: false, registry: false }, mode({ push: true }), { cached: false }],
  ])('%s', (_name, presence, registry, expected) => {
    expect(cacheDecision(presence, ref, registry)).toEqual(expected);
  });
});

describe('resolveImageSources', () => {
  it('without a registry: localhost refs, the registry never asked', async () => {
    const world = fakeWorld({ local: ['localhost/base:tm-b'] });
    const sources = await resolveImageSources({ tags, engine: world.engine, hasTag: world.hasTag });
    expect(Object.fromEntries(sources.refs)).toEqual({ base: 'localhost/base:tm-b', app: 'localhost/app:tm-a' });
    expect([...sources.cached.keys()]).toEqual(['base']);
    expect(world.lookups).toEqual([]);
  });

  it('pull mode asks the registry only about what the engine lacks', async () => {
    const world = fakeWorld({ local: [BASE], registry: [APP] });
    const sources = await resolveImageSources({
      tags,
      engine: world.engine,
      registry: mode({ pull: true }),
      hasTag: world.hasTag,
    });
    expect(world.lookups).toEqual([APP]);
    expect(Object.fromEntries(sources.cached)).toEqual({ base: undefined, app: `in registry: ${APP}` });
    expect(sources.presence.get('app')).toEqual({ local: false, registry: true });
  });

  it('push mode asks about every image, so a local image missing from the registry is not cached', async () => {
    const world = fakeWorld({ local: [BASE] });
    const sources = await resolveImageSources({
      tags,
      engine: world.engine,
      registry: mode({ push: true }),
      hasTag: world.hasTag,
    });
    expect(world.lookups.sort()).toEqual([APP, BASE]);
    expect(sources.cached.size).toBe(0);
    expect(sources.presence.get('base')).toEqual({ local: true, registry: false });
  });

  it('a registry that is down fails the whole resolution with its error', async () => {
    const world = fakeWorld();
    const down = () => Promise.reject(new Error('boom'));
    await expect(
      resolveImageSources({ tags, engine: world.engine, registry: mode({ pull: true }), hasTag: down }),
    ).rejects.toThrow('boom');
  });
});

describe('registryMode', () => {
  const env = { file: '/p/tarmac.yaml', registry: mode({}) };
  it('is the config registry, with push forced by --push', () => {
    expect(registryMode(env)).toEqual(mode({}));
    expect(registryMode(env, { push: true })).toEqual(mode({ push: true }));
    expect(registryMode({ file: '/p/tarmac.yaml' })).toBeUndefined();
  });

  it('refuses a registry url with credentials in it, without repeating them', async () => {
    const env2 = { file: '/p/tarmac.yaml', registry: mode({ url: 'https://bob:hunter2@127.0.0.1:5000/team' }) };
    const error = await rejection(Promise.resolve().then(() => registryMode(env2)));
    expect(error.code).toBe('IMAGE_REF_INVALID');
    expect(error.exitCode).toBe(2);
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses --push without a registry: a usage error naming the file', async () => {
    const error = await rejection(
      Promise.resolve().then(() => registryMode({ file: '/p/tarmac.yaml' }, { push: true })),
    );
    expect(error.code).toBe('PUSH_WITHOUT_REGISTRY');
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('/p/tarmac.yaml');
  });
});
