import { bytes, conf, engine, failureLinesMatching, pods, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const INFRA_KINDS = ["build", "cluster", "deliver", "deploy"];
const KILLED = /exit(ed| status| code)?:? 137\b|non-zero code: 137\b|errno 137\b|\(exited 137\)|signal: killed|exited on killed|OOMKilled|out of memory|oom-kill|^(?:#\d+ [\d.]+ )?Killed\s*$|(?:\/bin\/\S*sh|\bline \d+): .*\bKilled\b/im;
const ALLOCATION = /Cannot allocate memory|\bENOMEM\b|java\.lang\.OutOfMemoryError|\bMemoryError\b|std::bad_alloc/i;
const oomKilled = {
  id: "oom-killed",
  title: "A process was killed for lack of memory (exit 137)",
  refs: ["research-kubernaut \xA73 #6", "research-kind-podman \xA7B 3"],
  match(input) {
    const timedOut = new Set(
      failedSteps(input.run).filter((f) => /TIMEOUT/.test(f.error?.code ?? "")).map((f) => f.stepId)
    );
    const lines = failureLinesMatching(
      input,
      new RegExp(`${KILLED.source}|${ALLOCATION.source}`, "im"),
      4,
      INFRA_KINDS
    ).filter((l) => ![...timedOut].some((id) => l.includes(id)));
    const oomPods = pods(input).filter((p) => p.reasons.some((r) => /OOMKilled/i.test(r)));
    if (lines.length === 0 && oomPods.length === 0) return void 0;
    const e = engine(input);
    const mem = input.evidence.memory?.data;
    const low = mem !== void 0 && mem.availableBytes < mem.totalBytes * 0.1;
    const explicit = lines.some((l) => /OOMKilled|out of memory|oom-kill|OutOfMemoryError/i.test(l)) || oomPods.length > 0;
    const allocation = lines.length > 0 && lines.every((l) => ALLOCATION.test(l));
    const confidence = explicit ? 0.9 : low ? 0.85 : 0.7;
    const machine = input.evidence.machine?.data;
    const inLoad = lines.some((l) => /ctr .*import|kind load|deliver:/i.test(l));
    return {
      confidence: conf(confidence),
      explains: ["memory"],
      summary: oomPods.length > 0 ? `Pod ${oomPods[0].name} was OOMKilled: its container used more memory than its limit or the node had.` : allocation ? `A process could not allocate memory (${/ENOMEM|Cannot allocate memory/i.test(lines.join("\n")) ? "ENOMEM" : "an out-of-memory error"}): the machine, or the engine's VM, ran out of memory.` : `${inLoad ? "The image import into the kind node" : "A build step"} was killed with SIGKILL (exit 137 = 128+9), the signature of the out-of-memory killer.`,
      evidence: [
        ...lines,
        ...oomPods.map((p) => quote(`pod ${p.name}`, p.reasons.join(", "))),
        ...mem ? [quote("memory", `${bytes(mem.availableBytes)} available of ${bytes(mem.totalBytes)}`)] : [],
        ...e?.memTotalBytes ? [
          quote(
            "engine",
            `engine memory ${bytes(e.memTotalBytes)}${e.memFreeBytes !== void 0 ? `, ${bytes(e.memFreeBytes)} free` : ""}`
          )
        ] : []
      ],
      actions: [
        "tarmac up --capacity 1   # fewer builds at once need less memory",
        ...machine?.exists ? ["podman machine stop && podman machine set --memory 12288 && podman machine start"] : ['free -h; dmesg | grep -iE "out of memory|oom-kill" | tail'],
        ...oomPods.length > 0 ? ["raise resources.limits.memory of that container in its manifest"] : []
      ]
    };
  }
};
export {
  oomKilled
};
//# sourceMappingURL=oom-killed.js.map
