import { readLearnedDurations } from "../../history/expected.js";
import { durationText } from "../../history/format.js";
import { predictSuites } from "../../plan/suites-predict.js";
import { table } from "../../ui/text-table.js";
import { loadCommandConfig } from "../load-config.js";
import { chosenSuites } from "../suite-choice.js";
async function planSuitesCommand(opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suites = chosenSuites(env, opts.suites);
  const durations = new Map(Object.entries(readLearnedDurations(env.historyPath, env.name)));
  const target = env.cluster.target === "podman" ? "podman" : "kind";
  const prediction = predictSuites(env, { suites, target, cachedImages: /* @__PURE__ */ new Set(), withTest: true, durations });
  io.stdout.write(opts.json ? `${JSON.stringify(prediction, null, 2)}
` : `${predictionText(prediction)}
`);
  return 0;
}
function predictionText(p) {
  const rows = table(
    ["suite", "setup", "ends", "alone"],
    p.suites.map((s) => [s.suite, durationText(s.setupMs), durationText(s.endMs), durationText(s.aloneMs)])
  );
  const ratio = (ms) => ms > 0 ? `${(p.sideBySideMs / ms).toFixed(2)}x` : "-";
  return [
    rows,
    "",
    `side by side (capacity ${p.capacity}${p.memoryBytes !== void 0 ? `, memory budget set` : ""}): ${durationText(p.sideBySideMs)}`,
    `one after another, reusing images: ${durationText(p.sequentialMs)} (side by side is ${ratio(p.sequentialMs)})`,
    `one after another, each building its own: ${durationText(p.sequentialColdMs)} (${ratio(p.sequentialColdMs)})`,
    ...p.waits.map((w) => `waits: ${w.reason}`)
  ].join("\n");
}
export {
  planSuitesCommand
};
//# sourceMappingURL=plan-suites.js.map
