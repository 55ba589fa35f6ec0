// `tarmac logs` on kind: the containers of the env's pods in every namespace but kind's own
// (`kubectl get pods -A -o json`), read with `kubectl logs -n NS POD -c CONTAINER`.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { kubectlLogArgs, logsFailure } from '../log-args.js';
import type { LogRequest, LogSource } from '../types.js';
import type { KindTools } from './kind-tools.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';

const KIND_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

interface PodObject {
  metadata?: { name?: string; namespace?: string; ownerReferences?: { kind?: string; name?: string }[] };
  spec?: { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
}

/** The log sources of a `kind: List` of pods: init containers first, then the containers, per pod. */
export function logSourcesFromPods(list: unknown): LogSource[] {
  const items = (list as { items?: unknown } | null)?.items;
  const pods = Array.isArray(items) ? (items as PodObject[]) : [];
  return pods
    .filter((p) => !KIND_NAMESPACES.has(p.metadata?.namespace ?? 'default'))
    .flatMap((p) => {
      const pod = p.metadata?.name ?? '';
      const namespace = p.metadata?.namespace ?? 'default';
      const workload = workloadOf(p);
      const containers = [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])];
      return containers.map((c) => ({ workload, namespace, pod, container: c.name ?? '' }));
    });
}

// A ReplicaSet's pods belong to its Deployment: the ReplicaSet is named <deployment>-<pod-template-hash>.
function workloadOf(pod: PodObject): string {
  const owner = pod.metadata?.ownerReferences?.[0];
  if (!owner?.name) return pod.metadata?.name ?? '';
  return owner.kind === 'ReplicaSet' ? owner.name.replace(/-[a-z0-9]+$/, '') : owner.name;
}

/** The env's containers on the cluster. */
export async function kindLogSources(tools: KindTools, signal?: AbortSignal): Promise<LogSource[]> {
  const result = await tools.kubectl(['get', 'pods', '-A', '-o', 'json'], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError('CLUSTER_UNREACHABLE', `could not list the pods: ${kindErrorLine(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: 'Check the cluster with `tarmac status`.',
    });
  }
  try {
    return logSourcesFromPods(JSON.parse(result.stdout) as unknown);
  } catch (cause) {
    throw new TarmacError('CLUSTER_UNREACHABLE', '`kubectl get pods -A -o json` did not print JSON', { cause });
  }
}

/** Streams one container's log through kubectl until it ends (or the request's signal aborts). */
export async function readKindLogs(tools: KindTools, source: LogSource, request: LogRequest): Promise<void> {
  const result = await tools.kubectlUntilStopped(kubectlLogArgs(source, request), {
    signal: request.signal,
    onLine: request.onLine,
    killGraceMs: 1000,
  });
  const failure = logsFailure(source, result);
  if (failure) throw failure;
}
