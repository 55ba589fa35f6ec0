import { clusterName, conf, failureLinesMatching, pods, quote } from "./evidence-facts.js";
const UNSCHEDULABLE = /Unschedulable|FailedScheduling|didn't match|Insufficient (cpu|memory)|untolerated taint/i;
const NOT_READY_TAINT = /taints? \{node\.kubernetes\.io\/(?:not-ready|unreachable)\b/i;
const unschedulable = {
  id: "unschedulable",
  title: "A pod cannot be scheduled on any node",
  refs: ["research-kind-podman \xA7B 13 (too small for the nodes)", "research-kind-podman \xA7B 16"],
  match(input) {
    const lines = failureLinesMatching(input, UNSCHEDULABLE, 3, ["deploy"]);
    const pending = pods(input).filter(
      (p) => p.reasons.some((r) => UNSCHEDULABLE.test(r)) || p.events.some((e) => /FailedScheduling/.test(e))
    );
    if (lines.length === 0 && pending.length === 0) return void 0;
    const insufficient = /Insufficient (cpu|memory)/i.exec([...lines, ...pending.flatMap((p) => p.events)].join("\n"));
    const name = clusterName(input);
    const text = [...lines, ...pending.flatMap((p) => p.events)].join("\n");
    const notReadyOnly = NOT_READY_TAINT.test(text) && !/Insufficient|didn't match|other taint/i.test(text);
    return {
      confidence: conf(notReadyOnly ? 0.45 : 0.8),
      explains: ["no-space", "memory"],
      summary: insufficient ? `No node has enough ${insufficient[1]} for the pod's requests.` : "No node can take the pod: its requests, nodeSelector, affinity or tolerations exclude every node (or no node is Ready).",
      evidence: [
        ...lines,
        ...pending.flatMap(
          (p) => p.events.filter((e) => /FailedScheduling/.test(e)).slice(-2).map((e) => quote(`events ${p.name}`, e))
        )
      ],
      actions: [
        `kubectl --context kind-${name} describe nodes | grep -A6 -E 'Conditions|Allocated'`,
        "lower the pod's resource requests, or check nodeSelector, affinity and taints"
      ]
    };
  }
};
export {
  NOT_READY_TAINT,
  unschedulable
};
//# sourceMappingURL=unschedulable.js.map
