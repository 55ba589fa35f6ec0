import { detectEngine } from "../../engines/detect.js";
import { runCommand } from "../../exec/run-command.js";
import { readLearnedDurations } from "../../history/expected.js";
import { durationText } from "../../history/format.js";
import { table } from "../../ui/text-table.js";
import { safeText } from "../../ui/safe-text.js";
import { planUp } from "../../plan/up-plan.js";
import { predictPlan } from "../../plan/predict.js";
import { renderDeployGroups } from "../../orchestrate/render-groups.js";
import { resolveImages } from "../../orchestrate/resolve-images.js";
import { newRunId } from "../../orchestrate/run-id.js";
import { selectTarget } from "../../targets/select.js";
import { loadCommandConfig } from "../load-config.js";
async function planCommand(opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const { engine } = await detectEngine(env.engine, { runner: runCommand, env: io.env });
  const { target, why } = selectTarget(env, { runner: runCommand, engine, processEnv: io.env, runId: newRunId() });
  const signal = new AbortController().signal;
  const images = await resolveImages(env, engine, signal, { processEnv: io.env });
  const groups = await renderDeployGroups(env, images.refs, runCommand);
  const durations = new Map(Object.entries(readLearnedDurations(env.historyPath, env.name)));
  const capacities = [...new Set(opts.capacity ?? [1, 2, 3, env.capacity])].sort((a, b) => a - b);
  const input = {
    target: target.type,
    groupImages: new Map([...groups].map(([name, g]) => [name, g.images])),
    withTest: Boolean(env.test),
    durations
  };
  const now = predictPlan(
    planUp(env, { ...input, cachedImages: new Set(images.cached.keys()) }),
    durations,
    capacities
  );
  const cold = predictPlan(planUp(env, { ...input, cachedImages: /* @__PURE__ */ new Set() }), durations, capacities);
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ env: env.name, target: target.type, history: env.historyPath, learnedSteps: durations.size, now, cold }, null, 2)}
`
    );
    return 0;
  }
  io.stdout.write(`${planHeading(env, why, durations.size)}
${planText(now, cold)}
`);
  return 0;
}
function planHeading(env, why, learnedSteps) {
  const from = learnedSteps > 0 ? `${learnedSteps} steps in ${safeText(env.historyPath)}, else defaults` : "defaults (no history yet)";
  return `${safeText(env.name)}: ${safeText(why)}; estimates from ${from}`;
}
function planText(now, cold) {
  const critical = new Set(now.criticalPath);
  const steps = table(
    ["step", "deps", "weight", "estimate", "source", "cold estimate", ""],
    now.steps.map((s) => [
      s.id,
      s.deps.join(",") || "-",
      String(s.weight),
      durationText(s.estimateMs),
      s.source,
      durationText(cold.steps.find((c) => c.id === s.id)?.estimateMs ?? 0),
      critical.has(s.id) ? "(critical)" : ""
    ])
  );
  const predicted = table(
    ["capacity", "setup now", "setup cold", "end now", "end cold", "peak weight cold"],
    now.predictions.map((p, i) => {
      const c = cold.predictions[i];
      return [
        String(p.capacity),
        durationText(p.setupMs),
        durationText(c.setupMs),
        durationText(p.makespanMs),
        durationText(c.makespanMs),
        String(c.peakWeight)
      ];
    })
  );
  return [
    steps,
    "",
    `critical path: ${safeText(now.criticalPath.join(" -> "))} (${durationText(now.criticalPathMs)}; cold ${durationText(cold.criticalPathMs)})`,
    "",
    "predicted (simulated with the scheduler's admission policy):",
    predicted
  ].join("\n");
}
export {
  planCommand,
  planHeading,
  planText
};
//# sourceMappingURL=plan.js.map
