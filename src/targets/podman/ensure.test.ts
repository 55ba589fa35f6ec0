// ensure(): create when missing, reuse when tarmac's with DNS, recreate on `reuse: never` or DNS off,
// refuse a same-named network tarmac did not create or another checkout's env of the same name owns; reuse a
// network made before networks carried a project (legacy).
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { TarmacError } from '../../errors/errors.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { ensureNetwork } from './ensure.js';
import { podmanCli } from './podman-cli.js';
import { StateStore, statePaths } from './state.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';

const newPodmanEnsureDir = tempDirs('podman-ensure');

const id = { env: 'demo', project: 'aaaaaaaaaaaa', projectPath: '/work/a/tarmac.yaml' };
const legacy = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'demo', 'io.tarmac.target': 'podman' };
const ours = { ...legacy, 'io.tarmac.project': id.project, 'io.tarmac.project-path': id.projectPath };
const otherCheckout = {
  ...legacy,
  'io.tarmac.project': 'bbbbbbbbbbbb',
  'io.tarmac.project-path': '/work/b/tarmac.yaml',
};
const missing = {
  exitCode: 125,
  stderr:
    'Error: inspecting object: network tarmac-demo: unable to find network with name or ID tarmac-demo: network not found',
};

// A podman whose network starts as `initial` (undefined: absent) and exists with DNS once created.
function setup(
  initial: { labels: Record<string, string>; dns: boolean } | undefined,
  reuse: 'healthy' | 'never' = 'healthy',
) {
  let network = initial;
  let teardowns = 0;
  const runner = fakeRunner((call) => {
    if (call.args[1] === 'create') {
      if (network)
        return { exitCode: 125, stderr: 'Error: network name tarmac-demo already used: network already exists' };
      network = { labels: ours, dns: true };
    }
    if (call.args[1] !== 'inspect') return {};
    return network
      ? { stdout: JSON.stringify([{ name: 'tarmac-demo', labels: network.labels, dns_enabled: network.dns }]) }
      : missing;
  });
  const store = new StateStore(statePaths(newPodmanEnsureDir()).file, 'demo');
  const deps = {
    cli: podmanCli(createPodmanEngine(runner)),
    id,
    network: 'tarmac-demo',
    reuse,
    store,
    teardown: async () => {
      teardowns++;
      network = undefined;
    },
  };
  return { run: () => ensureNetwork(deps, AbortSignal.timeout(5000)), runner, store, teardowns: () => teardowns };
}

describe('ensureNetwork', () => {
  it('creates a missing network with the labels and DNS, and records it', async () => {
    const { run, runner, store } = setup(undefined);
    expect(await run()).toEqual({ action: 'created', reason: 'created network tarmac-demo (DNS on)' });
    expect(runner.calls.find((c) => c.args[1] === 'create')?.args).toEqual([
      'network',
      'create',
      '--disable-dns=false',
      '--label',
      'io.tarmac.managed=true',
      '--label',
      'io.tarmac.env=demo',
      '--label',
      'io.tarmac.target=podman',
      '--label',
      'io.tarmac.project=aaaaaaaaaaaa',
      '--label',
      'io.tarmac.project-path=/work/a/tarmac.yaml',
      'tarmac-demo',
    ]);
    expect((await store.read()).network).toEqual({ name: 'tarmac-demo', created: true });
    // Created first (nothing on record), then inspected once to verify it resolves names.
    expect(runner.calls.map((c) => c.args[1])).toEqual(['create', 'inspect']);
  });

  it('inspects first when the network is on record (a warm run): no create is tried', async () => {
    const { run, runner } = setup(undefined);
    await run();
    runner.calls.length = 0;
    expect((await run()).action).toBe('reused');
    expect(runner.calls.map((c) => c.args[1])).toEqual(['inspect']);
  });

  it("fails with podman's error when a create fails for another reason than a taken name", async () => {
    const runner = fakeRunner(() => ({ exitCode: 125, stderr: 'Error: no space left on device' }));
    const deps = {
      cli: podmanCli(createPodmanEngine(runner)),
      id,
      network: 'tarmac-demo',
      reuse: 'healthy' as const,
      store: new StateStore(statePaths(newPodmanEnsureDir()).file, 'demo'),
      teardown: () => Promise.resolve(),
    };
    await expect(ensureNetwork(deps, AbortSignal.timeout(5000))).rejects.toThrow(
      /Could not create podman network tarmac-demo/,
    );
    expect(runner.calls.map((c) => c.args[1])).toEqual(['create']);
    // A subnet clash is "already used" too, but not a taken name: it fails as a create, with no inspect.
    const clash = 'Error: subnet 10.89.0.0/24 is already used on the host or by another config';
    const clashRunner = fakeRunner(() => ({ exitCode: 125, stderr: clash }));
    const clashing = { ...deps, cli: podmanCli(createPodmanEngine(clashRunner)) };
    await expect(ensureNetwork(clashing, AbortSignal.timeout(5000))).rejects.toThrow(
      /Could not create podman network tarmac-demo/,
    );
    expect(clashRunner.calls.map((c) => c.args[1])).toEqual(['create']);
  });

  it('reuses its own network with DNS; recreates it on reuse: never or with DNS off', async () => {
    const reused = setup({ labels: ours, dns: true });
    expect((await reused.run()).action).toBe('reused');
    expect(reused.teardowns()).toBe(0);
    const never = setup({ labels: ours, dns: true }, 'never');
    expect(await never.run()).toEqual({ action: 'recreated', reason: 'reuse: never, recreating the env' });
    expect(never.teardowns()).toBe(1);
    const noDns = setup({ labels: ours, dns: false });
    expect((await noDns.run()).reason).toBe('network tarmac-demo has DNS disabled: recreating the env');
  });

  it('refuses a network of the same name that tarmac did not create', async () => {
    const foreign = setup({ labels: {}, dns: true });
    const error = await foreign.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).code).toBe('TARGET_NETWORK_FOREIGN');
    // Nothing on record: a create that podman refuses (the name is taken), then the inspect of what has it.
    expect(foreign.runner.calls.map((c) => c.args[1])).toEqual(['create', 'inspect']);
    expect(foreign.teardowns()).toBe(0);
  });

  it('stops with exit 3 naming the other checkout when its env of the same name owns the network', async () => {
    const other = setup({ labels: otherCheckout, dns: true });
    const error = await other.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).code).toBe('ENV_OTHER_CHECKOUT');
    expect((error as TarmacError).exitCode).toBe(3);
    expect((error as TarmacError).message).toBe(
      'env demo is up from the checkout of /work/b/tarmac.yaml: podman network tarmac-demo belongs to it, not to /work/a/tarmac.yaml',
    );
    expect(other.runner.calls.map((c) => c.args[1])).toEqual(['create', 'inspect']);
    expect(other.teardowns()).toBe(0);
  });

  it('reuses a network of the env made before networks carried a project (legacy)', async () => {
    const old = setup({ labels: legacy, dns: true });
    expect((await old.run()).action).toBe('reused');
    expect(old.teardowns()).toBe(0);
  });
});
