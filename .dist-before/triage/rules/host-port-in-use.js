import { captureFromFailures, conf, engineCmd, failureLinesMatching, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const IN_USE = /address already in use|port is already allocated|proxy already running|bind: permission denied/i;
const PORT = /(?:listen tcp4?|Bind for) [\d.]*:(\d+)/i;
const hostPortInUse = {
  id: "host-port-in-use",
  title: "A host port the env publishes is already in use",
  refs: ["research-kind-podman \xA7B 11", "research-kubernaut \xA73 #16"],
  match(input) {
    const lines = failureLinesMatching(input, IN_USE, 3, ["cluster", "deploy"]);
    const taken = (input.evidence.ports?.data?.ports ?? []).filter((p) => p.inUse && p.ours !== true);
    const failed = failedSteps(input.run).some((f) => f.kind === "cluster" || f.kind === "deploy");
    if (lines.length === 0 && !(taken.length > 0 && failed)) return void 0;
    const permission = lines.some((l) => /permission denied/i.test(l));
    const port = captureFromFailures(input, PORT) ?? (taken[0] ? String(taken[0].port) : void 0);
    const holder = taken.find((p) => String(p.port) === port) ?? taken[0];
    const confidence = lines.length > 0 ? 0.9 : 0.55;
    const cmd = engineCmd(input);
    return {
      confidence: conf(confidence),
      explains: ["permission"],
      summary: permission ? `Port ${port ?? "?"} is below 1024 and the rootless engine may not bind it.` : `Host port ${port ?? "?"} is already in use${holder?.by ? ` by ${holder.by}` : ""}, so ${holder?.wantedBy ?? "the cluster or pod that publishes it"} could not start.`,
      evidence: [
        ...lines,
        ...taken.map((p) => quote("ports", `${p.port} in use${p.by ? ` by ${p.by}` : ""} (wanted by ${p.wantedBy})`))
      ],
      actions: permission ? ["use a port \u2265 1024 in the kind config / manifest, or: sysctl net.ipv4.ip_unprivileged_port_start=80"] : [
        `ss -ltnp 'sport = :${port ?? "<port>"}'   # or: lsof -nP -iTCP:${port ?? "<port>"} -sTCP:LISTEN`,
        `${cmd} ps --format '{{.Names}} {{.Ports}}' | grep ':${port ?? "<port>"}->'`,
        `stop what holds port ${port ?? "<port>"}, or change that port in the kind config (extraPortMappings.hostPort) or the manifest (hostPort)`
      ]
    };
  }
};
export {
  hostPortInUse
};
//# sourceMappingURL=host-port-in-use.js.map
