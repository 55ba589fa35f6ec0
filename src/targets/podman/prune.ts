// PURE: which of the env's live pods a re-apply of a group removes: those tarmac played for this env
// and this group that the plan no longer has (a workload dropped from the manifests, replicas lowered).
import type { EnvIdentity } from '../../config/project-identity.js';
import { LABEL_GROUP, isOurs } from './names.js';

/** A live pod, as far as pruning needs it. */
export interface LivePod {
  name: string;
  labels: Record<string, string>;
}

/** The names of the pods to remove: the env's, of this group, not planned. Never a pod without the env's labels,
 * nor one of another checkout's env of the same name. */
export function podsToPrune(
  live: readonly LivePod[],
  id: EnvIdentity,
  group: string,
  planned: ReadonlySet<string>,
): string[] {
  return live
    .filter((pod) => isOurs(pod.labels, id) && pod.labels[LABEL_GROUP] === group && !planned.has(pod.name))
    .map((pod) => pod.name)
    .sort();
}
