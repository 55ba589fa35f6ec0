import { clusterName, conf, failureLinesMatching, pods, quote } from "./evidence-facts.js";
const CONFIG = /CreateContainerConfigError|(configmap|secret) "([^"]+)" not found|couldn't find key/i;
const missingConfigRef = {
  id: "missing-config-ref",
  title: "A ConfigMap or Secret a pod references does not exist",
  refs: ["research-kubernaut \xA73 #14 (same shape)"],
  match(input) {
    const lines = failureLinesMatching(input, CONFIG, 3, ["deploy"]);
    const stuck = pods(input).filter((p) => p.reasons.some((r) => /CreateContainerConfigError/.test(r)));
    if (lines.length === 0 && stuck.length === 0) return void 0;
    const what = /(configmap|secret) "([^"]+)" not found/i.exec(
      [...lines, ...stuck.flatMap((p) => [...p.reasons, ...p.events])].join("\n")
    );
    return {
      confidence: conf(0.85),
      summary: `A container cannot start because ${what ? `${what[1]} ${what[2]}` : "a ConfigMap or Secret (or one of its keys)"} does not exist in its namespace.`,
      evidence: [...lines, ...stuck.map((p) => quote(`pod ${p.name}`, p.reasons.join(", ")))],
      actions: [
        `kubectl --context kind-${clusterName(input)} get configmaps,secrets -A`,
        "add the missing object to the same deploy group, or to a group listed in `after`"
      ]
    };
  }
};
export {
  missingConfigRef
};
//# sourceMappingURL=missing-config-ref.js.map
