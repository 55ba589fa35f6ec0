import { z } from "zod";
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const PART_NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
const LABEL_MAX = 63;
const KIND_NODE_SUFFIX = "-control-plane";
const POD_WORKLOAD_ROOM = 15;
const ENV_NAME_MAX = LABEL_MAX - "tarmac-".length - 1 - POD_WORKLOAD_ROOM;
const CLUSTER_NAME_MAX = LABEL_MAX - KIND_NODE_SUFFIX.length;
function derivedNames(env, cluster) {
  const clusterName2 = cluster ?? `${env}-e2e`;
  return [
    `kind cluster \`${clusterName2}\``,
    `kind node \`${clusterName2}${KIND_NODE_SUFFIX}\``,
    `podman network \`tarmac-${env}\``,
    `podman pods \`tarmac-${env}-<workload>\``
  ];
}
const DNS_MESSAGE = 'Expected a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit';
const envName = z.string().regex(DNS_LABEL, DNS_MESSAGE).max(ENV_NAME_MAX, `Expected at most ${ENV_NAME_MAX} characters`);
const clusterName = z.string().regex(DNS_LABEL, DNS_MESSAGE).max(CLUSTER_NAME_MAX, `Expected at most ${CLUSTER_NAME_MAX} characters`);
const partName = z.string().regex(PART_NAME, 'Expected a lowercase name of letters and digits joined by single ".", "_" or "-"').max(LABEL_MAX, `Expected at most ${LABEL_MAX} characters`);
export {
  CLUSTER_NAME_MAX,
  DNS_LABEL,
  ENV_NAME_MAX,
  LABEL_MAX,
  PART_NAME,
  clusterName,
  derivedNames,
  envName,
  partName
};
//# sourceMappingURL=names.js.map
