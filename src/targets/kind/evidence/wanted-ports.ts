// Which host ports a kind env needs: kind's extraPortMappings (and a fixed API server port) from the kind config.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Env } from '../../../config/types.js';
import type { WantedPort } from '../../evidence-types.js';

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

/** The ports the env's kind config publishes; a config that cannot be read gives none. */
export async function kindWantedPorts(env: Env): Promise<WantedPort[]> {
  if (!env.cluster.kindConfig) return [];
  try {
    return kindConfigPorts(parse(await readFile(env.cluster.kindConfig, 'utf8')), env.cluster.name);
  } catch {
    return [];
  }
}
