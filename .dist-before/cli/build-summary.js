import { safeText } from "../ui/safe-text.js";
import { errorLines } from "./render-error.js";
import { formatDuration } from "../config/duration.js";
function buildSummary(result, c) {
  const { summary } = result;
  const count = (state) => [...summary.states.values()].filter((s) => s === state).length;
  const parts = [`${count("succeeded")} built`, `${count("cached")} cached`];
  for (const state of ["failed", "skipped", "cancelled"]) if (count(state) > 0) parts.push(`${count(state)} ${state}`);
  const lines = [`${result.images.length} images: ${parts.join(", ")} in ${formatDuration(result.durationMs)}`];
  for (const [stepId, err] of summary.errors)
    lines.push("", ...errorLines(`${c.red(`\u2717 ${safeText(stepId)}`)} ${c.red(`[${err.code}]`)} `, err, c));
  return `${lines.join("\n")}
`;
}
function buildJson(runId, result) {
  const { summary } = result;
  return {
    runId,
    outcome: summary.outcome,
    durationMs: result.durationMs,
    images: result.images.map((image) => {
      const stepId = `build:${image.name}`;
      const err = summary.errors.get(stepId);
      return {
        name: image.name,
        ref: image.ref,
        state: summary.states.get(stepId),
        ...err ? { error: err.toJSON() } : {}
      };
    })
  };
}
export {
  buildJson,
  buildSummary
};
//# sourceMappingURL=build-summary.js.map
