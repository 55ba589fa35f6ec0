import {
  brokenCluster,
  clusterLines,
  conf,
  downNodes,
  engine,
  engineCmd,
  envCluster,
  failureLinesMatching,
  quote
} from "./evidence-facts.js";
import { failedSteps, incidents } from "./journal-facts.js";
const NODE_DOWN = /container state improper|can only create exec sessions on running containers|NODE_UNAVAILABLE|was refused - did you specify the right host|connect: connection refused/i;
const kindNodeStopped = {
  id: "kind-node-stopped",
  title: "kind lists the cluster, but its node container is not running and the API is unreachable",
  refs: [
    "research-kubernaut \xA73 #2",
    "research-kubernaut \xA73 #8",
    "research-kind-podman \xA7B 21",
    "research-kind-podman \xA7B 22"
  ],
  match(input) {
    const cluster = brokenCluster(input);
    const lines = failureLinesMatching(input, NODE_DOWN, 3, ["cluster", "deliver", "deploy", "test"]);
    const nodeErrors = failedSteps(input.run).filter((f) => f.error?.code === "NODE_UNAVAILABLE");
    if (!cluster) {
      const c = envCluster(input);
      if (lines.length === 0 || c === void 0 || c.target !== "kind" || downNodes(c).length === 0 && c.api?.ok)
        return void 0;
    }
    const down = cluster ? downNodes(cluster) : [];
    const refused = cluster?.api !== void 0 && /refused|connection reset|EOF/i.test(cluster.api.detail);
    let confidence = cluster ? refused || nodeErrors.length > 0 || lines.length > 0 ? 0.85 : 0.75 : 0.45;
    const crashed = incidents(input.run, "engine-crash", "engine-lost").length > 0;
    const engineDown = engine(input)?.reachable === false;
    if (crashed || engineDown) confidence -= 0.2;
    const name = cluster?.name ?? envCluster(input)?.name ?? input.run.env?.clusterName ?? "<cluster>";
    const cmd = engineCmd(input);
    const nodes = down.map((n) => n.name);
    return {
      confidence: conf(confidence),
      explains: ["connection-refused", "timeout", "network"],
      summary: `kind cluster ${name} is listed, but ${nodes.length > 0 ? `node container ${nodes.join(", ")} is ${down[0]?.state}` : "its node is not answering"}${refused ? " and its API refuses connections" : ""}${crashed ? " (after the engine crash recorded in this run)" : ""}: podman does not restart kind nodes by itself.`,
      evidence: [
        ...cluster ? clusterLines(cluster) : [],
        ...down.flatMap((n) => (n.logTail ?? []).slice(-2).map((l) => quote(`${cmd} logs ${n.name}`, l))),
        ...lines
      ],
      actions: [
        `${cmd} ps -a --filter label=io.x-k8s.kind.cluster=${name} --format '{{.Names}} {{.State}}'`,
        nodes.length > 0 ? `${cmd} start ${nodes.join(" ")} && kubectl --context kind-${name} get --raw /readyz` : `kubectl --context kind-${name} get --raw /readyz`,
        `kind delete cluster --name ${name}   # if it does not come back; tarmac up recreates it`
      ]
    };
  }
};
export {
  kindNodeStopped
};
//# sourceMappingURL=kind-node-stopped.js.map
