// Names in tarmac.yaml, checked against their strictest consumer. The env name and the cluster name become
// DNS-1123 labels and hostnames (kind nodes, podman pods, Kubernetes label values), so they are held to that
// shape and to lengths that leave every derived name within 63 characters.
import { z } from 'zod';

/** A DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit. */
export const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/** An image or group name: also an OCI repository component and a label value, so no "..", "_." or "-." runs. */
export const PART_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/** The longest hostname label and Kubernetes label value. */
export const LABEL_MAX = 63;
/** kind's node hostname suffix: the control plane is `<cluster>-control-plane`. */
const KIND_NODE_SUFFIX = '-control-plane';
/** Why 15: podman pods are `tarmac-<env>-<workload>` and their hostname must fit 63; a workload name gets 15. */
const POD_WORKLOAD_ROOM = 15;
/** Longest env name: `tarmac-<env>-` plus room for a workload name fits a hostname. */
export const ENV_NAME_MAX = LABEL_MAX - 'tarmac-'.length - 1 - POD_WORKLOAD_ROOM;
/** Longest cluster name: kind's `<cluster>-control-plane` node hostname fits 63. */
export const CLUSTER_NAME_MAX = LABEL_MAX - KIND_NODE_SUFFIX.length;

/** The names tarmac derives from the env name and cluster name, for messages and hints. */
export function derivedNames(env: string, cluster: string | undefined): string[] {
  const clusterName = cluster ?? `${env}-e2e`;
  return [
    `kind cluster \`${clusterName}\``,
    `kind node \`${clusterName}${KIND_NODE_SUFFIX}\``,
    `podman network \`tarmac-${env}\``,
    `podman pods \`tarmac-${env}-<workload>\``,
  ];
}

const DNS_MESSAGE =
  'Expected a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit';

/** The env name: a DNS label short enough for every name derived from it. */
export const envName = z
  .string()
  .regex(DNS_LABEL, DNS_MESSAGE)
  .max(ENV_NAME_MAX, `Expected at most ${ENV_NAME_MAX} characters`);

/** cluster.name: a DNS label short enough for kind's node hostnames. */
export const clusterName = z
  .string()
  .regex(DNS_LABEL, DNS_MESSAGE)
  .max(CLUSTER_NAME_MAX, `Expected at most ${CLUSTER_NAME_MAX} characters`);

/** An image or deploy group name. */
export const partName = z
  .string()
  .regex(PART_NAME, 'Expected a lowercase name of letters and digits joined by single ".", "_" or "-"')
  .max(LABEL_MAX, `Expected at most ${LABEL_MAX} characters`);
