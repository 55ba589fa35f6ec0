import { failureLinesMatching, quote } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
function createFailureLines(input, re, max = 3) {
  return failureLinesMatching(input, re, max, ["cluster"]);
}
function clusterStepFailed(input) {
  return failedSteps(input.run).some((f) => f.kind === "cluster");
}
function kindLogLines(input, re, max = 3) {
  if (!clusterStepFailed(input)) return [];
  const out = [];
  for (const l of input.evidence.kindLogs?.data?.lines ?? []) {
    if (!re.test(l.text)) continue;
    out.push(quote(`kind-logs ${l.file}`, l.text));
    if (out.length >= max) break;
  }
  return out;
}
export {
  clusterStepFailed,
  createFailureLines,
  kindLogLines
};
//# sourceMappingURL=kind-create-signatures.js.map
