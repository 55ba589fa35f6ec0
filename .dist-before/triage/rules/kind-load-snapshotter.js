import { brokenCluster, clusterName, conf, engineCmd, failureLinesMatching } from "./evidence-facts.js";
const kindLoadSnapshotter = {
  id: "kind-load-snapshotter",
  title: "kind load failed to detect the containerd snapshotter",
  refs: ["research-kind-podman \xA7B 17", "research-kubernaut \xA73 #8", "research-kubernaut \xA73 #21"],
  match(input) {
    const lines = failureLinesMatching(input, /failed to detect containerd snapshotter/i, 2, ["deliver", "cluster"]);
    if (lines.length === 0) return void 0;
    const improper = failureLinesMatching(
      input,
      /container state improper|can only create exec sessions on running containers/i,
      2,
      ["deliver", "cluster"]
    );
    const name = clusterName(input);
    const cmd = engineCmd(input);
    const nodeDown = improper.length > 0 || brokenCluster(input) !== void 0;
    return {
      confidence: conf(nodeDown ? 0.6 : 0.75),
      summary: nodeDown ? `kind load could not ask node ${name}-control-plane for its snapshotter because the node container is not running (it went unresponsive while idle).` : "kind load could not parse the node's containerd config: this kind release is older than the node image (containerd 2.x config version 3 needs kind \u2265 v0.27).",
      evidence: [...lines, ...improper],
      actions: nodeDown ? [
        `${cmd} ps -a --filter label=io.x-k8s.kind.cluster=${name} --format '{{.Names}} {{.State}}'`,
        `kind delete cluster --name ${name}   # tarmac up recreates it`
      ] : [
        "kind version",
        `${cmd} inspect -f '{{.ImageName}}' ${name}-control-plane`,
        "install the kind release that matches the node image (go install sigs.k8s.io/kind@v0.30.0)"
      ]
    };
  }
};
export {
  kindLoadSnapshotter
};
//# sourceMappingURL=kind-load-snapshotter.js.map
