// The env's Service ports on a kind cluster, from `kubectl get services -A -o json`: every TCP port of every Service
// with a selector, outside the namespaces kind itself runs (the API server's `default/kubernetes` is kind's too).
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { KindTools } from './kind-tools.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';

/** One port of one Service: what a `kubectl port-forward svc/<service> -n <namespace> L:<port>` forwards. */
export interface ServicePort {
  namespace: string;
  service: string;
  port: number;
  /** The endpoint name tests see (TARMAC_SERVICE_<NAME>): the Service's name for its first port, else `<service>-<port>`. */
  endpoint: string;
}

const KIND_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

interface ServiceObject {
  metadata?: { name?: string; namespace?: string };
  spec?: { selector?: Record<string, string>; ports?: { port?: number; protocol?: string }[] };
}

/** The forwardable ports of a `kind: List` of Services, sorted by namespace, name and port order. */
export function servicePortsFrom(list: unknown): ServicePort[] {
  const items = (list as { items?: unknown } | null)?.items;
  const services = (Array.isArray(items) ? (items as ServiceObject[]) : [])
    .map((s) => ({ s, namespace: s.metadata?.namespace ?? 'default', name: s.metadata?.name ?? '' }))
    .filter(({ s, namespace, name }) => forwardable(s, namespace, name))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  // A name used in two namespaces gets the namespace appended, so neither hides the other.
  const count = new Map<string, number>();
  for (const { name } of services) count.set(name, (count.get(name) ?? 0) + 1);
  return services.flatMap(({ s, namespace, name }) => {
    const base = (count.get(name) ?? 0) > 1 ? `${name}.${namespace}` : name;
    const tcp = (s.spec?.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP' && typeof p.port === 'number');
    return tcp.map((p, i) => ({
      namespace,
      service: name,
      port: p.port as number,
      endpoint: i === 0 ? base : `${base}-${String(p.port)}`,
    }));
  });
}

// A Service without a selector has no pods for kubectl to pick; kind's own Services are not the env's.
function forwardable(s: ServiceObject, namespace: string, name: string): boolean {
  if (name === '' || KIND_NAMESPACES.has(namespace)) return false;
  if (namespace === 'default' && name === 'kubernetes') return false;
  return Object.keys(s.spec?.selector ?? {}).length > 0;
}

/** Lists the env's Service ports in every namespace. */
export async function listServicePorts(tools: KindTools, signal?: AbortSignal): Promise<ServicePort[]> {
  const result = await tools.kubectl(['get', 'services', '-A', '-o', 'json'], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError('CLUSTER_UNREACHABLE', `could not list the Services: ${kindErrorLine(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: 'Check the cluster with `tarmac status`.',
      details: result.tail.slice(-5),
    });
  }
  try {
    return servicePortsFrom(JSON.parse(result.stdout) as unknown);
  } catch (cause) {
    throw new TarmacError('CLUSTER_UNREACHABLE', '`kubectl get services -o json` did not print JSON', { cause });
  }
}
