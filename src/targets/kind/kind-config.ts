// The node containers a kind config asks for, named the way kind names them, to notice a node that is gone.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

type Role = 'control-plane' | 'worker';

/** The node roles of a kind config's `nodes` list; one control plane when the list is absent or empty. */
export function nodeRoles(config: unknown): Role[] {
  const nodes = (config as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return ['control-plane'];
  return nodes.map((node) => ((node as { role?: unknown } | null)?.role === 'worker' ? 'worker' : 'control-plane'));
}

/**
 * kind's node names (MakeNodeNamer): `<cluster>-<role><suffix>` with suffix "" then 2, 3, ...; several control
 * planes add `<cluster>-external-load-balancer`.
 */
export function expectedNodeNames(cluster: string, roles: readonly Role[]): string[] {
  const counters = new Map<string, number>();
  const nameFor = (role: string): string => {
    const n = (counters.get(role) ?? 0) + 1;
    counters.set(role, n);
    return `${cluster}-${role}${n === 1 ? '' : String(n)}`;
  };
  const names: string[] = [];
  if (roles.filter((role) => role === 'control-plane').length > 1) names.push(nameFor('external-load-balancer'));
  for (const role of roles) names.push(nameFor(role));
  return names;
}

/** The node names the env's kind config asks for; undefined when the file cannot be read (kind will say why at create). */
export async function expectedNodesFromFile(
  cluster: string,
  configFile: string | undefined,
): Promise<string[] | undefined> {
  if (configFile === undefined) return expectedNodeNames(cluster, ['control-plane']);
  try {
    return expectedNodeNames(cluster, nodeRoles(parse(await readFile(configFile, 'utf8'))));
  } catch {
    return undefined;
  }
}
