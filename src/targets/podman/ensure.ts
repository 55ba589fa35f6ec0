// ensure(): the env network, created when missing, reused when it is tarmac's and resolves names,
// recreated (after removing the env) when it is broken or the reuse policy is `never`.
import type { EnvIdentity } from '../../config/project-identity.js';
import type { EnsureResult } from '../types.js';
import type { FreshRead } from './fresh-read.js';
import { assertOurNetwork, createNetwork, inspectNetwork, type NetworkInfo } from './network.js';
import type { PodmanCli } from './podman-cli.js';
import type { StateStore } from './state.js';

export interface EnsureDeps {
  cli: PodmanCli;
  id: EnvIdentity;
  network: string;
  reuse: 'healthy' | 'never';
  store: StateStore;
  /** Removes everything of the env (down). */
  teardown: () => Promise<void>;
  /** The env's state records its network (an earlier ensure made or found it); absent: read from `store`. */
  networkOnRecord?: boolean;
  /** The host's network listing shared by the run's targets, to verify a network made here (host-reads.ts). */
  networks?: FreshRead<NetworkInfo[]>;
}

/** Creates, reuses or recreates the env network; records it as tarmac's. */
export async function ensureNetwork(deps: EnsureDeps, signal: AbortSignal): Promise<EnsureResult> {
  // An env with no network on record is most likely new: create first, and inspect only when podman says the name
  // is taken. A cold run of several suites made one network each at its start, three calls apiece (issue 17).
  if (!(deps.networkOnRecord ?? (await deps.store.read()).network !== undefined)) {
    const created = await createNetwork(deps.cli, deps.network, deps.id, { signal, taken: 'answer', ...listing(deps) });
    if (created !== 'taken') {
      await record(deps);
      return { action: 'created', reason: `created network ${deps.network} (DNS on)` };
    }
  }
  const existing = await inspectNetwork(deps.cli, deps.network, signal);
  let result: EnsureResult;
  if (!existing) {
    result = { action: 'created', reason: `created network ${deps.network} (DNS on)` };
  } else {
    assertOurNetwork(existing, deps.id);
    if (existing.dnsEnabled && deps.reuse === 'healthy') {
      await record(deps);
      return { action: 'reused', reason: `network ${deps.network} exists with DNS on` };
    }
    result = {
      action: 'recreated',
      reason: existing.dnsEnabled
        ? 'reuse: never, recreating the env'
        : `network ${deps.network} has DNS disabled: recreating the env`,
    };
    await deps.teardown();
  }
  await createNetwork(deps.cli, deps.network, deps.id, { signal, ...listing(deps) });
  await record(deps);
  return result;
}

async function record(deps: EnsureDeps): Promise<void> {
  await deps.store.update((state) => {
    state.network = { name: deps.network, created: true };
  });
}

const listing = (deps: EnsureDeps) => (deps.networks ? { listing: deps.networks } : {});
