import { describe, expect, it } from 'vitest';
import type { ImageSpec } from '../config/types.js';
import { rejection } from '../engines/engine.test-kit.js';
import type { Step } from '../plan/types.js';
import type { ExecutorContext, StepExecutor } from '../plan/step-executor.js';
import type { ImagePresence, RegistryMode } from './image-sources.js';
import { withRegistry, withRegistryDelivery } from './registry-executor.js';
import { createPuller } from './transfer.js';
import { fakeWorld, type FakeWorld } from './registry.test-kit.js';

const R = '127.0.0.1:5000/team';
const refs = new Map([
  ['base', `${R}/base:tm-b`],
  ['app', `${R}/app:tm-a`],
  ['api', `${R}/api:tm-c`],
]);
const spec = (name: string, dependsOn: string[] = []): ImageSpec => ({
  name,
  contextDir: '/c',
  containerfile: '/c/Containerfile',
  args: {},
  weight: 1,
  dependsOn,
});
const images = new Map([
  ['base', spec('base')],
  ['app', spec('app', ['base'])],
  ['api', spec('api', ['base'])],
]);
const step = (subject: string): Step => ({
  id: `build:${subject}`,
  kind: 'build',
  subject,
  deps: [],
  claims: { engine: 1 },
  estimateMs: 1,
  priority: 0,
  timeoutMs: 1000,
  stallMs: 1000,
  retry: 'never',
  cached: false,
});

function context(): ExecutorContext & { lines: string[] } {
  const lines: string[] = [];
  return { signal: new AbortController().signal, output: (l) => lines.push(l), attempt: 1, lines };
}

// A build executor that "builds" into the fake store and records which images it built.
function fakeBuild(world: FakeWorld, built: string[]): StepExecutor {
  return (s) => {
    const ref = refs.get(s.subject)!;
    built.push(s.subject);
    world.local.add(ref);
    return Promise.resolve({ state: 'succeeded', detail: ref });
  };
}

function setup(
  registry: Partial<RegistryMode>,
  world: FakeWorld,
  presence: Record<string, ImagePresence> = {},
  puller?: ReturnType<typeof createPuller>,
) {
  const built: string[] = [];
  const execute = withRegistry(fakeBuild(world, built), {
    engine: world.engine,
    registry: { url: R, push: false, pull: true, insecure: true, ...registry },
    images,
    refs,
    presence: new Map(Object.entries(presence)),
    hasTag: world.hasTag,
    ...(puller ? { puller } : {}),
  });
  return { built, execute };
}

describe('withRegistry', () => {
  it('pulls a base that is only in the registry before building on it, with --tls-verify=false', async () => {
    const world = fakeWorld({ registry: [refs.get('base')!] });
    const { built, execute } = setup({}, world);
    const ctx = context();
    expect(await execute(step('app'), ctx)).toEqual({ state: 'succeeded', detail: refs.get('app') });
    expect(built).toEqual(['app']);
    expect(world.local.has(refs.get('base')!)).toBe(true);
    expect(ctx.lines).toEqual([`pulling ${refs.get('base')}`, `pulled ${refs.get('base')}`]);
    expect(world.runner.calls.find((c) => c.args[0] === 'pull')?.args).toEqual([
      'pull',
      '--tls-verify=false',
      refs.get('base'),
    ]);
  });

  it('does not pull a base the engine has, and pulls a shared base once for two builds at once', async () => {
    const world = fakeWorld({ registry: [refs.get('base')!] });
    const { execute } = setup({}, world);
    await Promise.all([execute(step('app'), context()), execute(step('api'), context())]);
    expect(world.verbs().filter((v) => v.startsWith('pull'))).toEqual([`pull ${refs.get('base')}`]);
    await execute(step('app'), context());
    expect(world.verbs().filter((v) => v.startsWith('pull'))).toHaveLength(1);
  });

  it('fails clearly when a base is neither local nor in the registry', async () => {
    const world = fakeWorld();
    const { built, execute } = setup({}, world);
    const error = await rejection(execute(step('app'), context()));
    expect(error.message).toContain(`Could not pull image ${refs.get('base')}`);
    expect(built).toEqual([]);
  });

  it('pushes after building and verifies the tag, each as its own output line', async () => {
    const world = fakeWorld();
    const { execute } = setup({ push: true, pull: false }, world);
    const ctx = context();
    expect(await execute(step('base'), ctx)).toEqual({ state: 'succeeded', detail: `${refs.get('base')}, pushed` });
    expect(world.registry.has(refs.get('base')!)).toBe(true);
    expect(ctx.lines).toEqual([`pushing ${refs.get('base')}`, `pushed ${refs.get('base')}`]);
    expect(world.runner.calls.find((c) => c.args[0] === 'push')?.args).toEqual([
      'push',
      '--tls-verify=false',
      refs.get('base'),
    ]);
    expect(world.lookups).toEqual([refs.get('base')]);
  });

  it('pushes an image the engine already has without rebuilding it (step stays cached)', async () => {
    const world = fakeWorld({ local: [refs.get('base')!] });
    const { built, execute } = setup({ push: true }, world, { base: { local: true, registry: false } });
    expect(await execute(step('base'), context())).toEqual({ state: 'cached', detail: `${refs.get('base')}, pushed` });
    expect(built).toEqual([]);
    expect(world.registry.has(refs.get('base')!)).toBe(true);
  });

  it('fails a push the registry did not keep, instead of trusting the exit code', async () => {
    const world = fakeWorld({ pushIsLost: true });
    const { execute } = setup({ push: true }, world);
    const error = await rejection(execute(step('base'), context()));
    expect(error.code).toBe('REGISTRY_PUSH_NOT_VERIFIED');
    expect(error.message).toContain(refs.get('base'));
  });

  it('without push, returns the build result unchanged and pushes nothing', async () => {
    const world = fakeWorld();
    const { execute } = setup({ push: false }, world);
    expect(await execute(step('base'), context())).toEqual({ state: 'succeeded', detail: refs.get('base') });
    expect(world.verbs()).toEqual([]);
  });
});

describe('withRegistryDelivery', () => {
  const mode: RegistryMode = { url: R, push: false, pull: true, insecure: true };
  // A target delivery that requires the image in the local engine, as kind load and podman kube play do.
  const targetDeliver =
    (world: FakeWorld): StepExecutor =>
    (s) => {
      const ref = refs.get(s.subject)!;
      if (!world.local.has(ref)) return Promise.reject(new Error(`${ref} is not in the engine`));
      return Promise.resolve({ state: 'succeeded', detail: `${ref} delivered and verified` });
    };

  it('pulls an image that is only in the registry, then delivers it', async () => {
    const world = fakeWorld({ registry: [refs.get('app')!] });
    const ctx = context();
    const deliver = withRegistryDelivery(targetDeliver(world), { engine: world.engine, registry: mode, refs });
    expect(await deliver({ ...step('app'), id: 'deliver:app', kind: 'deliver' }, ctx)).toEqual({
      state: 'succeeded',
      detail: `${refs.get('app')} delivered and verified`,
    });
    expect(ctx.lines).toEqual([`pulling ${refs.get('app')}`, `pulled ${refs.get('app')}`]);
  });

  it('pulls nothing when the engine has the image', async () => {
    const world = fakeWorld({ local: [refs.get('app')!] });
    const deliver = withRegistryDelivery(targetDeliver(world), { engine: world.engine, registry: mode, refs });
    await deliver({ ...step('app'), id: 'deliver:app', kind: 'deliver' }, context());
    expect(world.verbs()).toEqual([]);
  });

  it('shares one pull with a build that needs the same base at the same time', async () => {
    const world = fakeWorld({ registry: [refs.get('base')!] });
    const puller = createPuller(world.engine, true);
    const { execute } = setup({}, world, {}, puller);
    const deliver = withRegistryDelivery(targetDeliver(world), { engine: world.engine, registry: mode, refs, puller });
    await Promise.all([
      execute(step('app'), context()),
      deliver({ ...step('base'), id: 'deliver:base', kind: 'deliver' }, context()),
    ]);
    expect(world.verbs()).toEqual([`pull ${refs.get('base')}`]);
  });
});
