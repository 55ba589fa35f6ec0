// Which host ports the env needs: kind's extraPortMappings (and a fixed API server port) from the kind config,
// or the host ports the podman target published for its pods (recorded in its state file).
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Env } from '../../config/types.js';
import { statePaths } from '../../targets/podman/state.js';

export interface WantedPort {
  port: number;
  /** Address it is bound on (kind's listenAddress; 127.0.0.1 otherwise). */
  address: string;
  wantedBy: string;
  /** Name prefix of the container or pod that legitimately holds it while the env is up. */
  owner: string;
}

/** The ports a kind config publishes on the host. */
export function kindConfigPorts(config: unknown, cluster: string): WantedPort[] {
  const out: WantedPort[] = [];
  const doc = (config ?? {}) as {
    nodes?: unknown;
    networking?: { apiServerPort?: unknown; apiServerAddress?: unknown };
  };
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  for (const node of nodes) {
    const mappings = (node as { extraPortMappings?: unknown } | null)?.extraPortMappings;
    for (const m of Array.isArray(mappings) ? mappings : []) {
      const mapping = (m ?? {}) as { hostPort?: unknown; listenAddress?: unknown; containerPort?: unknown };
      if (typeof mapping.hostPort !== 'number' || mapping.hostPort <= 0) continue;
      const address = typeof mapping.listenAddress === 'string' ? mapping.listenAddress : '0.0.0.0';
      out.push({
        port: mapping.hostPort,
        address,
        wantedBy: `kind extraPortMappings (containerPort ${String(mapping.containerPort)})`,
        owner: `${cluster}-`,
      });
    }
  }
  const api = doc.networking?.apiServerPort;
  if (typeof api === 'number' && api > 0) {
    const address =
      typeof doc.networking?.apiServerAddress === 'string' ? doc.networking.apiServerAddress : '127.0.0.1';
    out.push({ port: api, address, wantedBy: 'kind API server (networking.apiServerPort)', owner: `${cluster}-` });
  }
  return out;
}

/** The ports the env wants, for its target; a config or state file that cannot be read gives none. */
export async function wantedPorts(env: Env, target: 'kind' | 'podman'): Promise<WantedPort[]> {
  if (target === 'kind') {
    if (!env.cluster.kindConfig) return [];
    try {
      return kindConfigPorts(parse(await readFile(env.cluster.kindConfig, 'utf8')), env.cluster.name);
    } catch {
      return [];
    }
  }
  try {
    const state = JSON.parse(await readFile(statePaths(env.stateDir).file, 'utf8')) as {
      pods?: Record<string, { name?: string; hostPorts?: Record<string, number> }>;
    };
    return Object.values(state.pods ?? {}).flatMap((pod) =>
      Object.entries(pod.hostPorts ?? {}).map(([containerPort, port]) => ({
        port,
        address: '127.0.0.1',
        wantedBy: `pod ${pod.name ?? '?'} (port ${containerPort})`,
        owner: pod.name ?? '',
      })),
    );
  } catch {
    return [];
  }
}
