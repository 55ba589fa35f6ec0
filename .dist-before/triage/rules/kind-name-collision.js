import { clusterLines, clusterName, conf, engineCmd, envCluster, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const kindNameCollision = {
  id: "kind-name-collision",
  title: "A kind cluster or leftover nodes with the same name already exist",
  refs: ["research-kind-podman \xA7B 10", "research-kubernaut \xA73 #18"],
  match(input) {
    const hits = failedSteps(input.run).filter(
      (f) => f.error && (/^(CLUSTER_EXISTS|CLUSTER_FOREIGN)$/.test(f.error.code) || /node\(s\) already exist for a cluster with the name/i.test(
        [f.error.message, ...f.error.tail ?? []].join("\n")
      ))
    );
    if (hits.length === 0) return void 0;
    const name = clusterName(input);
    const foreign = hits.some((h) => h.error?.code === "CLUSTER_FOREIGN");
    const cluster = envCluster(input);
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.9),
      summary: foreign ? `kind cluster ${name} exists and must be recreated, but tarmac did not create it, so it will not delete it.` : `Node containers labelled for kind cluster ${name} already exist (another run, or leftovers of an aborted create or delete).`,
      evidence: [
        ...hits.map((h) => quote(`journal ${h.stepId} [${h.error?.code}]`, h.error?.message ?? "")),
        ...cluster ? clusterLines(cluster) : []
      ],
      actions: [
        `${cmd} ps -a --filter label=io.x-k8s.kind.cluster=${name} --format '{{.Names}} {{.State}}'`,
        `kind delete cluster --name ${name}   # only if nothing else uses it`,
        "or rename cluster.name in tarmac.yaml"
      ]
    };
  }
};
export {
  kindNameCollision
};
//# sourceMappingURL=kind-name-collision.js.map
