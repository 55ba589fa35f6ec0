import { bytes, conf, engineCmd, failureLinesMatching, pods, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const NO_SPACE = /no space left on device|ENOSPC|disk quota exceeded/i;
const LOW_BYTES = 512 * 1024 * 1024;
const diskFull = {
  id: "disk-full",
  title: "Disk full: the engine storage or the temp dir has no space left",
  refs: [
    "research-kubernaut \xA73 #4",
    "research-kubernaut \xA73 #5",
    "research-kubernaut \xA73 #20",
    "research-kind-podman \xA7B 4",
    "research-kind-podman \xA7B 16"
  ],
  match(input) {
    const lines = failureLinesMatching(input, NO_SPACE, 4);
    const mounts = input.evidence.disk?.data?.mounts ?? [];
    const low = mounts.filter(
      (m) => m.freeBytes < LOW_BYTES || m.totalBytes > 0 && m.freeBytes / m.totalBytes < 0.02
    );
    const evicted = pods(input).filter(
      (p) => p.reasons.some((r) => /Evicted|DiskPressure|ephemeral-storage/i.test(r)) || p.events.some((e) => /EvictionThresholdMet|NodeHasDiskPressure|reclaim ephemeral-storage/i.test(e))
    );
    if (lines.length === 0 && evicted.length === 0) {
      if (low.length === 0 || failedSteps(input.run).length === 0) return void 0;
    }
    const confidence = lines.length > 0 ? low.length > 0 ? 0.95 : 0.9 : evicted.length > 0 ? 0.75 : 0.4;
    const full = low[0] ?? guessMount(mounts, lines);
    const cmd = engineCmd(input);
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(confidence),
      explains: ["no-space"],
      summary: `${full ? `The ${full.label} (${full.path}) is full` : "A disk is full"}: ${lines.length > 0 ? 'a step failed with "no space left on device"' : evicted.length > 0 ? "the node evicted pods for disk pressure" : `only ${bytes(full?.freeBytes ?? 0)} free`}.`,
      evidence: [
        ...lines,
        ...mounts.map(
          (m) => quote("disk", `${m.label} ${m.path}: ${bytes(m.freeBytes)} free of ${bytes(m.totalBytes)}`)
        ),
        ...evicted.map((p) => quote(`pod ${p.name}`, p.reasons.join(", ")))
      ],
      actions: [
        `df -h ${full?.path ?? ""}`.trim(),
        `${cmd} system df`,
        `${cmd} image prune -a -f   # removes images no container uses; tarmac rebuilds what it needs`,
        ...full?.label === "temp" ? [`point TMPDIR at a larger disk, then run again (tarmac saves image archives there)`] : [],
        ...machine ? [
          "podman machine ssh -- df -h /var",
          "podman machine rm && podman machine init --disk-size 100   # if prune itself fails"
        ] : []
      ]
    };
  }
};
function guessMount(mounts, lines) {
  const text = lines.join("\n");
  return mounts.find((m) => text.includes(m.path)) ?? (/\/tmp\/|\/var\/tmp\//.test(text) ? mounts.find((m) => m.label === "temp") : void 0);
}
export {
  diskFull
};
//# sourceMappingURL=disk-full.js.map
