// The kubelet of a node never became ready: it refused to start (swap on, a missing device for its rootfs, an
// unsupported cgroup setup) or the node stays NotReady (no CNI: "network plugin is not ready: cni config
// uninitialized"). kind reports it as a cluster that never gets ready.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf } from './evidence-facts.js';
import { NODE_LIMIT } from './file-limits.js';
import { outputMatching } from './infra-markers.js';
import { kindLogLines } from './kind-create-signatures.js';
import { NOT_READY_TAINT } from './unschedulable.js';

const KUBELET =
  /failed to run Kubelet|Failed to start ContainerManager|KubeletNotReady|NetworkPluginNotReady|cni config uninitialized|container runtime network not ready|kubelet is not healthy|The kubelet is not running|kubelet\.service: (?:main process exited|Failed)|^\S+\s+NotReady\s|NodeNotReady|PLEG is not healthy|Kubelet stopped posting node status|kubelet isn't running or healthy|localhost:10248\/healthz|container runtime is down|\[ERROR Swap\]|running with swap on is not supported|\u2717 Waiting .{0,12}for control-plane = Ready/im;
/**
 * A kubelet that cannot find its cgroups (its own cgroup root, or the QoS cgroups under it: "failed to initialize top
 * level QOS containers: root container [kubelet kubepods] doesn't exist") is a node-boot problem (cgroup v1/v2 support), not this rule's; a cgroup
 * driver that differs from the runtime's ("misconfiguration: kubelet cgroup driver") is the kubelet's own setting.
 */
const CGROUP = /cgroup|mountpoint for \S* ?not found|root container \[[^\]]*\] doesn't exist/i;
const CGROUP_DRIVER = /cgroup driver/i;
/**
 * The kubelet failing at start on what its node gives it. Its container manager is the kubelet's side of the node's
 * cgroups, devices and kernel settings, so `Failed to start ContainerManager` with any reason is the node's: the block
 * device behind /var/lib/kubelet it cannot find (`failed to get rootfs info: ... could not find device with major: 0,
 * minor: 40 in cached partitions map`, `stat failed on /dev/nvme0n1p3`, btrfs or ZFS hosts), kernel settings it cannot
 * read or set (`invalid kernel flag: vm/overcommit_memory`, `open /proc/sys/...: read-only file system`); so is
 * `/dev/kmsg` it cannot open (`failed to create kubelet: open /dev/kmsg: no such file or directory`, nested or LXC
 * hosts). kind's known issues ("Failed to get rootfs info") say kind must mount that device into the node: the node's
 * setup as much as the kubelet's, and reports file it under either. Both readings: below 50%.
 */
const NODE_LACKS =
  /Failed to start ContainerManager|failed to get rootfs info|could not find device with major|stat failed on \/dev\/|open \/dev\/kmsg: no such file|invalid kernel flag|open \/proc\/sys\/\S+: read-only file system/i;
/**
 * Second-hand words about a kubelet: kubeadm's (its `[kubelet-check]` and its closing hint list), kind's own `--wait`
 * giving up on a control-plane node that never reported Ready (`✗ Waiting ≤ 5m0s for control-plane = Ready`), and
 * systemd's report that the kubelet's process exited (`kubelet.service: Main process exited, code=exited,
 * status=1/FAILURE`, `kubelet.service: Failed with result 'exit-code'`): that it died, not why.
 */
const KUBEADM_SAYS =
  /kubelet\.service: (?:main process exited|Failed)|kubelet is not healthy|The kubelet is not running|kubelet isn't running or healthy|localhost:10248\/healthz|\[kubelet-check\]|\u2717 Waiting .{0,12}for control-plane = Ready/i;
const KUBEADM_HINT = /\(required cgroups disabled\)/gi;

export const kubeletNotReady: Rule = {
  id: 'kubelet-not-ready',
  title: "A node's kubelet did not start or the node stays NotReady",
  refs: ['corpus: kubelet-not-ready'],
  match(input: TriageInput): Match | undefined {
    // The kubelet's own words: in kind's output, or in the node's logs `kind export logs` took.
    const own = [...outputMatching(input, KUBELET, 3, ['cluster', 'run']), ...kindLogLines(input, KUBELET, 3)];
    // A pod the scheduler could not place because of the not-ready taint: the node's kubelet is not ready.
    const taint = outputMatching(input, NOT_READY_TAINT, 1, ['deploy', 'pod']);
    const lines = [...own, ...taint];
    // Only kubeadm's second-hand report (its health check of the kubelet got no answer): the kubelet did not come
    // up, but nothing says why, and a node that did not boot (cgroups, systemd) prints the same words.
    const secondHand = own.length > 0 && own.every((l) => KUBEADM_SAYS.test(l)) && taint.length === 0;
    if (lines.length === 0) return undefined;
    const text = [
      ...lines,
      ...outputMatching(input, CGROUP, 2, ['cluster', 'run']),
      ...kindLogLines(input, CGROUP, 2),
    ].join('\n');
    // kubeadm's fixed list of likely causes ("... misconfiguration of the node in some way (required cgroups
    // disabled)") is printed for every kubelet that did not answer: a hint list, not a cgroup error.
    const cgroup = CGROUP.test(text.replace(KUBEADM_HINT, '')) && !CGROUP_DRIVER.test(text);
    // A kubelet that ran out of file descriptors or inotify instances names the host's limit (file-limits).
    const fdLimit = NODE_LIMIT.test(own.join('\n'));
    const nodeLacks = NODE_LACKS.test(text);
    const why = /swap/i.test(text)
      ? 'swap is on and the kubelet refuses to run with it'
      : /cni|NetworkPlugin|network not ready/i.test(text)
        ? 'no CNI network plugin is configured, so the node stays NotReady'
        : CGROUP_DRIVER.test(text)
          ? "the kubelet's cgroup driver differs from the container runtime's"
          : nodeLacks
            ? "the kubelet failed at start on a device or kernel file of the host the node does not have (the block device behind /var/lib/kubelet on btrfs/ZFS, /dev/kmsg): the node's setup as much as the kubelet (kind's known issue: mount the device into the node with extraMounts)"
            : /ContainerManager|rootfs|device/i.test(text)
              ? 'the kubelet cannot start its container manager (a device or filesystem of the host is not visible in the node)'
              : 'the kubelet exited or never reported ready';
    const name = clusterName(input);
    return {
      confidence: conf(cgroup || fdLimit ? 0.4 : secondHand || nodeLacks ? 0.45 : own.length > 0 ? 0.8 : 0.7),
      explains: ['timeout', 'connection-refused'],
      summary: `A node of ${name} never got a ready kubelet: ${why}.`,
      evidence: lines,
      actions: [
        `podman exec ${name}-control-plane journalctl -u kubelet --no-pager | tail -30`,
        `kubectl --context kind-${name} describe nodes | grep -A8 Conditions`,
      ],
    };
  },
};
