import { clusterName, conf, failureLinesMatching, pods, quote } from "./evidence-facts.js";
const SA = /serviceaccount "([^"]+)" not found|error looking up service account/i;
const missingServiceAccount = {
  id: "missing-serviceaccount",
  title: "A ServiceAccount or RBAC object the pods need does not exist",
  refs: ["research-kubernaut \xA73 #14"],
  match(input) {
    const lines = failureLinesMatching(input, SA, 3, ["deploy"]);
    const podLines = pods(input).flatMap(
      (p) => p.events.filter((e) => SA.test(e)).map((e) => quote(`events ${p.name}`, e))
    );
    podLines.push(
      ...(input.evidence.workloads?.data?.controllerEvents ?? []).filter((e) => SA.test(e)).slice(-2).map((e) => quote("events", e))
    );
    if (lines.length === 0 && podLines.length === 0) return void 0;
    const account = /serviceaccount "([^"]+)" not found/i.exec([...lines, ...podLines].join("\n"))?.[1];
    const name = clusterName(input);
    return {
      confidence: conf(account ? 0.9 : 0.75),
      explains: ["rbac"],
      summary: `The pods could not be created: ${account ? `ServiceAccount ${account} does not exist` : "the request was forbidden by RBAC"}. It must be applied before the workload (put it in the same deploy group or one listed in \`after\`).`,
      evidence: [...lines, ...podLines],
      actions: [
        `kubectl --context kind-${name} get events -A --field-selector reason=FailedCreate`,
        `kubectl --context kind-${name} get serviceaccount -A${account ? ` | grep ${account}` : ""}`,
        "add the ServiceAccount/Role/RoleBinding manifests to a deploy group that runs first (`after:`)"
      ]
    };
  }
};
export {
  missingServiceAccount
};
//# sourceMappingURL=missing-serviceaccount.js.map
