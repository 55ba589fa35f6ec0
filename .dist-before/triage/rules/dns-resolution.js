import { clusterName, conf, engineCmd } from "./evidence-facts.js";
import { markerRe, outputMatching } from "./infra-markers.js";
const HOST = /lookup ([\w.-]+)(?: on [^:]+:53)?: no such host|Could not resolve host:? '?([\w.-]+)|getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)|Temporary failure resolving '([\w.-]+)'|lookup ([\w.-]+) on|dial tcp: lookup ([\w.-]+)/i;
const REGISTRY = /pinging container registry|initializing source|failed to resolve (?:source metadata|reference)|\/v2\/|pull/i;
const dnsResolution = {
  id: "dns-resolution",
  title: "A host name did not resolve (DNS)",
  refs: ["corpus: dns"],
  match(input) {
    const lines = outputMatching(input, markerRe("dns"), 3);
    if (lines.length === 0) return void 0;
    const inBuildRun = outputMatching(input, markerRe("dns"), 1, ["build"]).length > 0 && !lines.some((l) => REGISTRY.test(l)) && outputMatching(input, markerRe("dns"), 1, ["pod", "test", "deploy", "cluster", "deliver", "run"]).length === 0;
    const m = HOST.exec(lines.join("\n"));
    const host = m?.slice(1).find((g) => g !== void 0);
    const inPod = outputMatching(input, markerRe("dns"), 1, ["pod", "test"]).length > 0;
    const name = clusterName(input);
    return {
      // A failed lookup in a RUN step is first a download failure: an alternative here.
      confidence: conf(inBuildRun ? 0.45 : 0.85),
      explains: ["dns", "timeout", "network", "connection-refused"],
      summary: `The name ${host ?? "(see the evidence)"} did not resolve: ${inPod ? "the cluster or network DNS does not know it (a service name not created yet, or a resolver that cannot reach it)" : "the host's or the engine's resolver cannot resolve it (a wrong name, no network, or a resolver that only works on a VPN)"}.`,
      evidence: lines,
      actions: inPod ? [
        `kubectl --context kind-${name} run dns-check --rm -it --restart=Never --image=busybox -- nslookup ${host ?? "<name>"}`,
        `kubectl --context kind-${name} -n kube-system logs -l k8s-app=kube-dns --tail=20`
      ] : [
        `getent hosts ${host ?? "<name>"}; cat /etc/resolv.conf`,
        `${engineCmd(input)} run --rm docker.io/library/busybox nslookup ${host ?? "<name>"}`
      ]
    };
  }
};
export {
  dnsResolution
};
//# sourceMappingURL=dns-resolution.js.map
