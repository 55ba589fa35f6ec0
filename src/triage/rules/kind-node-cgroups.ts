// The kubelet inside a kind node cannot use the host's cgroups, so the node never boots into a cluster: a node
// image whose Kubernetes does not support the host's cgroup hierarchy (cgroup v2 needs node images for Kubernetes
// 1.19 or later), or a controller not mounted in the node. kind's known issues list it as a failed create.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf } from './evidence-facts.js';
import { outputMatching } from './infra-markers.js';
import { kindLogLines } from './kind-create-signatures.js';

/**
 * The kubelet's words for cgroups it cannot find or use (not a cgroup driver setting, which is its own config): its
 * cgroup root, the QoS cgroups it creates under it (pkg/kubelet/cm: "root container [...] doesn't exist"), the
 * controllers its system validation needs ("Following Cgroup subsystem not mounted", kubeadm's preflight of them:
 * kubernetes/system-validators validators/cgroup_validator.go, `missing required cgroups: cpu`), a kubelet that
 * refuses a cgroup v1 host (Kubernetes 1.35+, failCgroupV1: `kubelet is configured to not run on a host using cgroup
 * v1`, the kind node image newer than the host's cgroups); kind's
 * node sets `cgroup-root: /kubelet`, which the kubelet refuses when the node's cgroup hierarchy does not have it.
 * Also the kubelet's container manager that finds no mount for a controller it needs (pkg/kubelet/cm
 * container_manager_linux.go: `failed to find subsystem mount for required subsystem: pids`) and containerd's cgroups
 * library in the node (containerd/cgroups errors.go: `cgroups: cgroup mountpoint does not exist`, `cgroups: cannot find
 * cgroup mount destination`); K3s's own check in its node (k3s-io/k3s pkg/cgroups: `failed to find memory cgroup, you
 * may need to add ...`, `failed to find memory cgroup (v2)`), runc's cgroup v2 refusal as the kubelet relays it
 * (opencontainers/runc libcontainer/cgroups/fs2: `cannot enter cgroupv2 "/sys/fs/cgroup/kubepods" with domain
 * controllers -- it is in an invalid state`).
 */
export const NO_CGROUPS =
  /kubelet is configured to not run on a host using cgroup v1|missing required cgroups: \w|failed to get the kubelet's cgroup|mountpoint for \S* ?not found|failed to run Kubelet: .*cgroups? (?:v2 )?(?:is )?not (?:supported|found|mounted)|failed to run Kubelet: invalid configuration: cgroup-root \S+ doesn't exist|failed to initialize top level QOS containers: root container \[[^\]]*\] doesn't exist|Cgroup subsystems? not mounted|failed to find subsystem mount for required subsystem|cgroups: cgroup mountpoint does not exist|cgroups: cannot find cgroup mount destination|failed to find (?:memory|cpu|cpuset|pids) cgroup\b|cannot enter cgroupv2 \S+ with domain controllers/i;
const CGROUP_DRIVER = /cgroup driver/i;

export const kindNodeCgroups: Rule = {
  id: 'kind-node-cgroups',
  title: "The kubelet inside a kind node cannot use the host's cgroups",
  refs: ['corpus: kind-node-boot', 'kind known issues: Failure to Create Cluster with Cgroups v2'],
  match(input: TriageInput): Match | undefined {
    const lines = [
      ...outputMatching(input, NO_CGROUPS, 3, ['cluster', 'run']),
      ...kindLogLines(input, NO_CGROUPS, 3),
    ].filter((l) => !CGROUP_DRIVER.test(l));
    if (lines.length === 0) return undefined;
    const name = clusterName(input);
    return {
      confidence: conf(0.7),
      explains: ['timeout', 'connection-refused'],
      summary: `The kubelet in a node of kind cluster ${name} cannot use the host's cgroups, so the node never came up: the node image's Kubernetes does not support this host's cgroup hierarchy (cgroup v2 needs a node image for Kubernetes 1.19 or later), or a cgroup controller is not available in the node.`,
      evidence: lines.slice(0, 4),
      actions: [
        'stat -fc %T /sys/fs/cgroup   # cgroup2fs: cgroup v2',
        'kind version; grep image: <kind config>   # the node image must be one built for this kind release',
        `kind create cluster --name ${name} --image kindest/node:<a release listed for your kind version>`,
      ],
    };
  },
};
