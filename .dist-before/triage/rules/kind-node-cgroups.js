import { clusterName, conf } from "./evidence-facts.js";
import { outputMatching } from "./infra-markers.js";
import { kindLogLines } from "./kind-create-signatures.js";
const NO_CGROUPS = /failed to get the kubelet's cgroup|mountpoint for \S* ?not found|failed to run Kubelet: .*cgroups? (?:v2 )?(?:is )?not (?:supported|found|mounted)/i;
const CGROUP_DRIVER = /cgroup driver/i;
const kindNodeCgroups = {
  id: "kind-node-cgroups",
  title: "The kubelet inside a kind node cannot use the host's cgroups",
  refs: ["corpus: kind-node-boot", "kind known issues: Failure to Create Cluster with Cgroups v2"],
  match(input) {
    const lines = [
      ...outputMatching(input, NO_CGROUPS, 3, ["cluster", "run"]),
      ...kindLogLines(input, NO_CGROUPS, 3)
    ].filter((l) => !CGROUP_DRIVER.test(l));
    if (lines.length === 0) return void 0;
    const name = clusterName(input);
    return {
      confidence: conf(0.7),
      explains: ["timeout", "connection-refused"],
      summary: `The kubelet in a node of kind cluster ${name} cannot use the host's cgroups, so the node never came up: the node image's Kubernetes does not support this host's cgroup hierarchy (cgroup v2 needs a node image for Kubernetes 1.19 or later), or a cgroup controller is not available in the node.`,
      evidence: lines.slice(0, 4),
      actions: [
        "stat -fc %T /sys/fs/cgroup   # cgroup2fs: cgroup v2",
        "kind version; grep image: <kind config>   # the node image must be one built for this kind release",
        `kind create cluster --name ${name} --image kindest/node:<a release listed for your kind version>`
      ]
    };
  }
};
export {
  kindNodeCgroups
};
//# sourceMappingURL=kind-node-cgroups.js.map
