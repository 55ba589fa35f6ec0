// Names and labels of what the podman target creates: everything carries the env's labels, and names
// are prefixed with `tarmac-<env>-` because podman pod, container, network and volume names are global.
import { LABEL_ENV, LABEL_MANAGED, LABEL_RUN } from '../../engines/labels.js';

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
export function targetLabels(env: string): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_ENV]: env, [LABEL_TARGET]: 'podman' };
}

/** The labels every pod (and so each of its containers) of the env carries. */
export function envPodLabels(env: string, runId: string, group: string): Record<string, string> {
  return { ...targetLabels(env), [LABEL_RUN]: runId, [LABEL_GROUP]: group };
}

/** Whether `labels` say the podman target created the object for this env. */
export function isOurs(labels: Record<string, string> | undefined, env: string): boolean {
  return labels?.[LABEL_MANAGED] === 'true' && labels[LABEL_ENV] === env && labels[LABEL_TARGET] === 'podman';
}
