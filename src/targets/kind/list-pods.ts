// pods(): the group's pods as PodViews, from one `kubectl get pods,events -o json` per namespace.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { podViewsFromKubeList } from '../../kube/pod-view.js';
import type { PodView, RenderedGroup, WorkloadRef } from '../../kube/types.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';
import { readPodsAndEvents } from './pods-and-events.js';

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
  const read = await readPodsAndEvents(deps.tools, { namespace }, { timeoutMs: QUICK_MS, signal });
  if (!read.result.ok) {
    throw new TarmacError(
      'CLUSTER_UNREACHABLE',
      `could not list the pods in namespace ${namespace}: ${kindErrorLine(read.result)}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: 'Check the cluster with `tarmac status`.',
        details: read.result.tail.slice(-5),
      },
    );
  }
  if (!read.pods) {
    throw new TarmacError('CLUSTER_UNREACHABLE', '`kubectl get pods -o json` did not print JSON', {
      exitCode: ExitCode.infrastructure,
      details: read.result.tail.slice(-5),
    });
  }
  return podViewsFromKubeList({ items: read.pods }, read.events);
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
