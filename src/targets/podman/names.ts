// Names and labels of what the podman target creates: everything carries the env's labels, and names
// are prefixed with `tarmac-<env>-` because podman pod, container, network and volume names are global.
import type { EnvIdentity } from '../../config/project-identity.js';
import {
  LABEL_ENV,
  LABEL_MANAGED,
  LABEL_PROJECT,
  LABEL_PROJECT_PATH,
  LABEL_RUN,
  owned,
  ownership,
  type Ownership,
} from '../../engines/labels.js';

export const LABEL_GROUP = 'io.tarmac.group';
export const LABEL_WORKLOAD_KIND = 'io.tarmac.workload-kind';
export const LABEL_WORKLOAD = 'io.tarmac.workload';
/** Marks what the podman target created. Why: containers inherit their image's labels, and tarmac's
 * images carry io.tarmac.managed/io.tarmac.env, so those two alone would also match a container
 * someone ran by hand from an env image. */
export const LABEL_TARGET = 'io.tarmac.target';
/** Hash of what was played, so an unchanged workload is kept instead of replayed. */
export const LABEL_SPEC = 'io.tarmac.spec';

/** The env's network, e.g. `tarmac-aianalysis`. */
export function networkName(env: string): string {
  return `tarmac-${env}`;
}

/** The podman name of a workload's pod (or of a renamed PersistentVolumeClaim). */
export function scopedName(env: string, name: string): string {
  return `tarmac-${env}-${name}`;
}

/** The labels of everything the podman target creates for the env (network, volumes, pods). */
export function targetLabels(id: Pick<EnvIdentity, 'env' | 'project'>): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_ENV]: id.env, [LABEL_TARGET]: 'podman', [LABEL_PROJECT]: id.project };
}

/** The labels every env of this name carries on the podman target, whichever checkout made it (a filter). */
export function envNameLabels(env: string): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_ENV]: env, [LABEL_TARGET]: 'podman' };
}

/**
 * The network's labels: the target's plus the project's config path, so an `up` from another checkout can name
 * this one. Why only here: the network is created by argv and is the first thing `up` meets, while pod labels
 * pass through kube YAML, where a path is no valid Kubernetes label value.
 */
export function networkLabels(id: EnvIdentity): Record<string, string> {
  return { ...targetLabels(id), [LABEL_PROJECT_PATH]: id.projectPath };
}

/** The labels every pod (and so each of its containers) of the env carries. */
export function envPodLabels(
  id: Pick<EnvIdentity, 'env' | 'project'>,
  runId: string,
  group: string,
): Record<string, string> {
  return { ...targetLabels(id), [LABEL_RUN]: runId, [LABEL_GROUP]: group };
}

/** Whose podman object the labels describe (see Ownership); not made by the podman target is `foreign`. */
export function podmanOwnership(labels: Record<string, string> | undefined, id: EnvIdentity): Ownership {
  return labels?.[LABEL_TARGET] === 'podman' ? ownership(labels, id) : 'foreign';
}

/** Whether `labels` say the podman target created the object for this env of this project (or before projects). */
export function isOurs(labels: Record<string, string> | undefined, id: EnvIdentity): boolean {
  return owned(podmanOwnership(labels, id));
}
