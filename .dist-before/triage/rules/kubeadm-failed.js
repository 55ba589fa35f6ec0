import { bytes, clusterName, conf, engine, quote } from "./evidence-facts.js";
import { createFailureLines } from "./kind-create-signatures.js";
const kubeadmFailed = {
  id: "kind-kubeadm-failed",
  title: "kubeadm init or join failed inside a kind node",
  refs: ["research-kind-podman \xA7B 13"],
  match(input) {
    const lines = createFailureLines(input, /failed to (init|join) node with kubeadm|error uploading crisocket/i);
    if (lines.length === 0) return void 0;
    const name = clusterName(input);
    const e = engine(input);
    const logs = input.evidence.kindLogs?.data?.dir;
    return {
      confidence: conf(0.75),
      explains: ["timeout", "connection-refused"],
      summary: `kubeadm failed inside a node of kind cluster ${name}; the usual cause is a machine too small for the number of nodes (read kubelet.log to be sure).`,
      evidence: [
        ...lines,
        ...e?.cpus ? [quote("engine", `${e.cpus} CPUs${e.memTotalBytes ? `, ${bytes(e.memTotalBytes)} memory` : ""}`)] : [],
        ...logs ? [quote("kind-logs", `exported to ${logs}`)] : []
      ],
      actions: [
        logs ? `grep -iE 'error|failed' ${logs}/*/kubelet.log | tail -20` : `kind export logs --name ${name}`,
        "use fewer nodes in the kind config, or give the machine more CPU and memory"
      ]
    };
  }
};
export {
  kubeadmFailed
};
//# sourceMappingURL=kubeadm-failed.js.map
