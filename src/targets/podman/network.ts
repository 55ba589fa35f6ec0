// The env network: a labelled podman bridge network with DNS (aardvark-dns), on which pods reach
// each other by their Service names.
import type { EnvIdentity } from '../../config/project-identity.js';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import { parseJsonList, type PodmanCli } from './podman-cli.js';
import { networkLabels, podmanOwnership } from './names.js';
import { otherCheckoutError } from '../other-checkout.js';
import { asRecord, asString, asStringMap } from './shape.js';
import { mark, type FreshRead } from './fresh-read.js';

export interface NetworkInfo {
  name: string;
  labels: Record<string, string>;
  dnsEnabled: boolean;
}

/** The network, or undefined when it does not exist. */
export async function inspectNetwork(
  cli: PodmanCli,
  name: string,
  signal?: AbortSignal,
): Promise<NetworkInfo | undefined> {
  const result = await cli.run(['network', 'inspect', name], { signal });
  if (!result.ok) {
    if (/network not found|no such network|unable to find network/i.test(result.stderr)) return undefined;
    throw cli.failed(result, `Could not inspect podman network ${name}`);
  }
  return { ...toNetworkInfo(parseJsonList(result.stdout)[0]), name };
}

// One network as `network inspect` and `network ls --format json` print it.
function toNetworkInfo(entry: unknown): NetworkInfo {
  const raw = asRecord(entry) ?? {};
  return { name: asString(raw.name) ?? '', labels: asStringMap(raw.labels), dnsEnabled: raw.dns_enabled === true };
}

/** Every network on the host, whoever made it (`network ls` prints what `network inspect` does, for all). */
export async function listNetworks(cli: PodmanCli, signal?: AbortSignal): Promise<NetworkInfo[]> {
  const result = await cli.must(['network', 'ls', '--format', 'json'], 'Could not list the podman networks', {
    signal,
  });
  return parseJsonList(result.stdout).map(toNetworkInfo);
}

const TAKEN = /network name \S+ already used|network already exists|network with name \S+ already exists/i;

export interface CreateOptions {
  signal?: AbortSignal;
  /** 'answer': a name in use resolves to 'taken' instead of failing (the caller then inspects what has it). */
  taken?: 'fail' | 'answer';
  /** The host's network listing the run's targets share: the check that the network exists reads it (fresh-read.ts). */
  listing?: FreshRead<NetworkInfo[]>;
}

/** Creates the env network (labelled, DNS on) and verifies it exists afterwards. */
export async function createNetwork(
  cli: PodmanCli,
  name: string,
  id: EnvIdentity,
  { signal, taken = 'fail', listing }: CreateOptions = {},
): Promise<NetworkInfo | 'taken'> {
  const labels = Object.entries(networkLabels(id)).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  // --disable-dns=false is podman's default for bridge networks; say it anyway, Service names depend on it.
  const result = await cli.run(['network', 'create', '--disable-dns=false', ...labels, name], { signal });
  if (!result.ok) {
    // podman: "Error: network name X already used: network already exists" (docker: "network with name X already
    // exists"). Not any "already used": a subnet clash ("subnet ... is already used on the host") is a failure.
    if (taken === 'answer' && TAKEN.test(result.stderr)) return 'taken';
    throw cli.failed(result, `Could not create podman network ${name}`);
  }
  const created = listing
    ? (await listing.get(mark(), signal)).find((network) => network.name === name)
    : await inspectNetwork(cli, name, signal);
  if (!created?.dnsEnabled) {
    throw new TarmacError(
      'TARGET_NETWORK_NO_DNS',
      `podman network ${name} was created but ${created ? 'has DNS disabled' : 'does not exist'}`,
      {
        exitCode: ExitCode.environment,
        hint: 'Pods find each other by Service name through aardvark-dns: install it (apt-get install aardvark-dns) and use the netavark network backend.',
      },
    );
  }
  return created;
}

/** Refuses a network of the env's name that tarmac did not create, or created for another checkout's env. */
export function assertOurNetwork(network: NetworkInfo, id: EnvIdentity): void {
  const owner = podmanOwnership(network.labels, id);
  if (owner === 'ours' || owner === 'legacy') return;
  if (owner === 'other-checkout') throw otherCheckoutError(`podman network ${network.name}`, network.labels, id);
  throw new TarmacError(
    'TARGET_NETWORK_FOREIGN',
    `podman network ${network.name} exists but was not created by tarmac for env ${id.env} (it lacks the labels io.tarmac.env=${id.env}, io.tarmac.target=podman)`,
    {
      exitCode: ExitCode.environment,
      hint: `tarmac never uses or removes what it did not create. Remove or rename that network (podman network rm ${network.name}), or rename the env.`,
    },
  );
}
