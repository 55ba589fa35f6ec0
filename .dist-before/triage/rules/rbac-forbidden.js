import { clusterName, conf } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const WHO = /User \\?"([^"\\]+)\\?" cannot (\w+)(?: resource)? \\?"?([\w.]+)/;
const rbacForbidden = {
  id: "rbac-forbidden",
  title: "RBAC forbids a request (a Role or binding is missing)",
  refs: ["corpus: rbac-forbidden"],
  match(input) {
    const lines = outputMatching(input, markerRe("rbac"), 3);
    if (lines.length === 0) return void 0;
    const m = WHO.exec(lines.join("\n"));
    const [user, verb, resource] = [m?.[1], m?.[2], m?.[3]];
    const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(user ?? "");
    const name = clusterName(input);
    return {
      confidence: conf(0.85),
      explains: ["rbac"],
      summary: `RBAC forbids ${user ?? "the caller"} to ${verb ?? "make the request"}${resource ? ` ${resource}` : ""}: ${sa ? `ServiceAccount ${sa[1]}/${sa[2]} has no Role or ClusterRole binding granting it${sa[2] === "default" ? " (the pod runs as the default account: serviceAccountName may be missing)" : ""}` : "no Role or ClusterRole binding grants it"}.`,
      evidence: lines,
      actions: [
        `kubectl --context kind-${name} auth can-i ${verb ?? "<verb>"} ${resource ?? "<resource>"} ${user ? `--as ${user}` : ""}`.trim(),
        "add (or fix the apiGroups/resources of) the Role/ClusterRole and its binding, applied before the workload"
      ]
    };
  }
};
export {
  rbacForbidden
};
//# sourceMappingURL=rbac-forbidden.js.map
