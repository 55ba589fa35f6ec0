import { didYouMean } from "../plan/did-you-mean.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
function qualified(source) {
  return source.namespace ? `${source.namespace}/${source.workload}` : source.workload;
}
function selectLogSources(sources, workload) {
  if (workload === void 0) return [...sources];
  const picked = sources.filter((s) => s.workload === workload || qualified(s) === workload);
  if (picked.length > 0) return picked;
  const known = [...new Set(sources.map((s) => s.workload))].sort();
  const guess = didYouMean(workload, known);
  throw new TarmacError("LOGS_WORKLOAD_UNKNOWN", `no workload named ${workload} runs in this env`, {
    exitCode: ExitCode.usage,
    hint: known.length === 0 ? "Nothing runs: `tarmac up` first." : `${guess ? `Did you mean ${guess}? ` : ""}Known workloads: ${known.join(", ")}.`
  });
}
function logPrefix(source, all) {
  if (all.length <= 1) return "";
  return `[${source.namespace && source.namespace !== "default" ? `${source.namespace}/` : ""}${source.pod}/${source.container}] `;
}
export {
  logPrefix,
  selectLogSources
};
//# sourceMappingURL=logs-select.js.map
