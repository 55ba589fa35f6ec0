import { clusterName, conf, engineCmd } from "./evidence-facts.js";
import { outputMatching } from "./infra-markers.js";
const RUN_FAILED = /command "(?:docker|podman) run --name \S+-(?:control-plane|worker\d*)[^"]*" failed with error|✗ Preparing nodes|^(?:docker|podman): Error response from daemon: /im;
const kindNodeStart = {
  id: "kind-node-start",
  title: "The engine could not start a kind node container",
  refs: ["corpus: kind-node-boot"],
  match(input) {
    const lines = outputMatching(input, RUN_FAILED, 3, ["cluster", "run"]);
    if (lines.length === 0) return void 0;
    const name = clusterName(input);
    const cmd = engineCmd(input);
    const why = outputMatching(input, /Error response from daemon|Error: |permission denied|cgroup/i, 2, [
      "cluster",
      "run"
    ]);
    return {
      confidence: conf(0.7),
      explains: ["permission"],
      summary: `${cmd} refused to start a node container of kind cluster ${name}: the privileged node needs what this host does not give (SELinux allowing it, a cgroup setup the node image supports, the devices it mounts).`,
      evidence: [.../* @__PURE__ */ new Set([...lines, ...why])],
      actions: [
        `kind create cluster --name ${name} --retain -v 3   # keep the node and print the engine's error`,
        `${cmd} info --format '{{.Host.CgroupsVersion}} {{.Host.Security.SELinuxEnabled}}'`,
        "ausearch -m avc -ts recent   # SELinux denials, if enabled"
      ]
    };
  }
};
export {
  kindNodeStart
};
//# sourceMappingURL=kind-node-start.js.map
