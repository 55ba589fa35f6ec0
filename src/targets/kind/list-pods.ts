// pods(): the group's pods as PodViews, from `kubectl get pods -o json` and the namespace's events.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { podViewsFromKubeList } from '../../kube/pod-view.js';
import type { PodView, RenderedGroup, WorkloadRef } from '../../kube/types.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet', 'Pod']);

/** The workloads whose pods belong to the group: its `waitFor`, else every workload object in it. */
export function groupWorkloads(group: RenderedGroup): WorkloadRef[] {
  if (group.waitFor.length > 0) return group.waitFor;
  return group.objects
    .map((o) => o.object)
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => ({
      kind: object.kind,
      name: object.metadata.name,
      ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    }));
}

/** The current pods of the group's workloads, with their events. */
export async function listPods(deps: KindDeps, group: RenderedGroup, signal?: AbortSignal): Promise<PodView[]> {
  const workloads = groupWorkloads(group);
  const namespaces = [...new Set(workloads.map((w) => w.namespace ?? 'default'))];
  const perNamespace = await Promise.all(namespaces.map((ns) => podsIn(deps, ns, signal)));
  return perNamespace.flat().filter((pod) => workloads.some((w) => belongsTo(pod, w)));
}

async function podsIn(deps: KindDeps, namespace: string, signal?: AbortSignal): Promise<PodView[]> {
  const [pods, events] = await Promise.all([
    deps.tools.kubectl(['get', 'pods', '-n', namespace, '-o', 'json'], { timeoutMs: QUICK_MS, signal }),
    deps.tools.kubectl(['get', 'events', '-n', namespace, '-o', 'json'], { timeoutMs: QUICK_MS, signal }),
  ]);
  if (!pods.ok) {
    throw new TarmacError(
      'CLUSTER_UNREACHABLE',
      `could not list the pods in namespace ${namespace}: ${kindErrorLine(pods)}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: 'Check the cluster with `tarmac status`.',
        details: pods.tail.slice(-5),
      },
    );
  }
  // Events are evidence, not a requirement: without them the classifier still has the pod states.
  return podViewsFromKubeList(parse(pods.stdout, 'pods'), events.ok ? itemsOf(parse(events.stdout, 'events')) : []);
}

function belongsTo(pod: PodView, workload: WorkloadRef): boolean {
  const namespace = workload.namespace ?? 'default';
  if (workload.kind === 'Pod') return pod.name === workload.name;
  return (
    pod.owner?.kind === workload.kind &&
    pod.owner.name === workload.name &&
    (pod.owner.namespace ?? 'default') === namespace
  );
}

function parse(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TarmacError('CLUSTER_UNREACHABLE', `\`kubectl get ${what} -o json\` did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause,
    });
  }
}

function itemsOf(list: unknown): unknown[] {
  const items = (list as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items : [];
}
