import { clusterName, conf } from "./evidence-facts.js";
import { outputMatching } from "./infra-markers.js";
import { kindLogLines } from "./kind-create-signatures.js";
import { NOT_READY_TAINT } from "./unschedulable.js";
const KUBELET = /failed to run Kubelet|Failed to start ContainerManager|KubeletNotReady|NetworkPluginNotReady|cni config uninitialized|container runtime network not ready|kubelet is not healthy|The kubelet is not running|kubelet\.service: (?:main process exited|Failed)|^\S+\s+NotReady\s|NodeNotReady|PLEG is not healthy|Kubelet stopped posting node status|kubelet isn't running or healthy|localhost:10248\/healthz|container runtime is down|\[ERROR Swap\]|running with swap on is not supported/im;
const CGROUP = /cgroup|mountpoint for \S* ?not found/i;
const CGROUP_DRIVER = /cgroup driver/i;
const kubeletNotReady = {
  id: "kubelet-not-ready",
  title: "A node's kubelet did not start or the node stays NotReady",
  refs: ["corpus: kubelet-not-ready"],
  match(input) {
    const own = [...outputMatching(input, KUBELET, 3, ["cluster", "run"]), ...kindLogLines(input, KUBELET, 3)];
    const taint = outputMatching(input, NOT_READY_TAINT, 1, ["deploy", "pod"]);
    const lines = [...own, ...taint];
    if (lines.length === 0) return void 0;
    const text = [
      ...lines,
      ...outputMatching(input, CGROUP, 2, ["cluster", "run"]),
      ...kindLogLines(input, CGROUP, 2)
    ].join("\n");
    const cgroup = CGROUP.test(text) && !CGROUP_DRIVER.test(text);
    const why = /swap/i.test(text) ? "swap is on and the kubelet refuses to run with it" : /cni|NetworkPlugin|network not ready/i.test(text) ? "no CNI network plugin is configured, so the node stays NotReady" : CGROUP_DRIVER.test(text) ? "the kubelet's cgroup driver differs from the container runtime's" : /ContainerManager|rootfs|device/i.test(text) ? "the kubelet cannot start its container manager (a device or filesystem of the host is not visible in the node)" : "the kubelet exited or never reported ready";
    const name = clusterName(input);
    return {
      confidence: conf(cgroup ? 0.4 : own.length > 0 ? 0.8 : 0.7),
      explains: ["timeout", "connection-refused"],
      summary: `A node of ${name} never got a ready kubelet: ${why}.`,
      evidence: lines,
      actions: [
        `podman exec ${name}-control-plane journalctl -u kubelet --no-pager | tail -30`,
        `kubectl --context kind-${name} describe nodes | grep -A8 Conditions`
      ]
    };
  }
};
export {
  kubeletNotReady
};
//# sourceMappingURL=kubelet-not-ready.js.map
