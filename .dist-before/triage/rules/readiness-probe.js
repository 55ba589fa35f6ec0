import { conf, failureLinesMatching, pods, quote } from "./evidence-facts.js";
const LIVENESS = /Liveness probe failed|failed liveness probe, will be restarted/i;
const readinessProbe = {
  id: "readiness-probe-failing",
  title: "A container runs but never passes its readiness probe",
  refs: ["research-kubernaut \xA73 #17"],
  match(input) {
    const lines = failureLinesMatching(
      input,
      /ReadinessProbeFailing|StartupProbeFailing|(Readiness|Startup) probe failed/i,
      3,
      ["deploy"]
    );
    const liveness = lines.length > 0 ? [] : failureLinesMatching(input, LIVENESS, 3, ["deploy"]);
    const podLiveness = lines.length > 0 || liveness.length > 0 ? [] : pods(input).flatMap((p) => p.events.filter((e) => LIVENESS.test(e)).map((e) => quote(`events ${p.name}`, e)));
    const all = [...lines, ...liveness, ...podLiveness.slice(0, 3)];
    if (all.length === 0) return void 0;
    const probe = /(Readiness|Startup|Liveness) probe failed: ([^;)\n]+)/i.exec(all.join("\n"));
    return {
      confidence: conf(lines.length > 0 ? 0.75 : 0.6),
      explains: ["timeout", "connection-refused"],
      summary: `A container runs but its ${probe?.[1]?.toLowerCase() ?? "readiness"} probe keeps failing${probe ? ` (${probe[2]?.trim()})` : ""}${lines.length === 0 ? ", so the kubelet restarts it" : ""}: a wrong probe path or port, or a dependency it waits for.`,
      evidence: all,
      actions: [
        "check the probe's path and port against what the service serves",
        "check the services it depends on are in a deploy group listed in `after`"
      ]
    };
  }
};
export {
  readinessProbe
};
//# sourceMappingURL=readiness-probe.js.map
