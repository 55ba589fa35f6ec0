import { conf, engine, engineCmd, quote } from "./evidence-facts.js";
import { failedSteps, incidents } from "./journal-facts.js";
const NO_ANSWER = /awaiting (?:response )?headers|context deadline exceeded/i;
const CONNECT_FAILED = /\bdial \w+ \S+: connect: |no such file or directory|connection refused/i;
function noAnswer(error) {
  return error !== void 0 && NO_ANSWER.test(error) && !CONNECT_FAILED.test(error);
}
const engineHung = {
  id: "engine-hung",
  title: "The container engine hangs: it accepts calls but never answers",
  refs: ["research-kind-podman \xA7B 5", "research-kubernaut \xA73 #3"],
  match(input) {
    const e = engine(input);
    const lines = [
      // The watchdogs' probe got no answer at all: when they failed a step, and when they declared a crash.
      ...failedSteps(input.run).filter((f) => f.error?.probe?.timedOut === true).slice(0, 3).map((f) => quote(`journal ${f.stepId} [${f.error?.code}]`, f.error?.message ?? "")),
      ...incidents(input.run, "engine-crash", "engine-lost").filter((i) => i.cause.type === "engine-probe" && i.cause.probe.timedOut).slice(0, 2).map((i) => quote(`journal incident ${i.kind}`, i.message)),
      ...failedSteps(input.run).filter((f) => f.error?.code === "ENGINE_TIMEOUT").map((f) => quote(`journal ${f.stepId} [ENGINE_TIMEOUT]`, f.error?.message ?? ""))
    ];
    const silent = e !== void 0 && !e.reachable && !e.hung && noAnswer(e.error);
    if (silent) lines.push(quote("engine", `${e.name} version: ${e.error ?? ""}`));
    if (!e?.hung && lines.length === 0) return void 0;
    const confidence = e?.hung ? lines.length > 0 ? 0.9 : 0.8 : silent ? 0.7 : e?.reachable ? 0.45 : 0.65;
    const cmd = engineCmd(input);
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(confidence),
      explains: ["timeout", "connection-refused"],
      summary: `The ${cmd} engine hangs: ${e?.hung ? `\`${cmd} info\` did not answer within ${e.probeMs} ms` : "the watchdog probe got no answer"}, so steps waited instead of failing.`,
      evidence: [
        ...e?.hung ? [quote("engine", `${cmd} info: no answer within ${e.probeMs} ms`)] : [],
        ...e?.reachable ? [quote("engine", `${cmd} answers again now (${e.probeMs} ms)`)] : [],
        ...lines
      ],
      actions: [
        ...machine ? ["podman machine stop; podman machine start"] : [`systemctl --user restart podman.socket   # or restart the service behind CONTAINER_HOST`],
        `timeout 10 ${cmd} info`,
        "tarmac up --heal   # restarts a podman machine while waiting"
      ]
    };
  }
};
export {
  NO_ANSWER,
  engineHung,
  noAnswer
};
//# sourceMappingURL=engine-hung.js.map
