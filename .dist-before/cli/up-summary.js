import { formatTestSummary } from "../orchestrate/executors/test-suite.js";
import { phaseFigures } from "../report/phase-summary.js";
import { formatDuration } from "../config/duration.js";
import { safeText } from "../ui/safe-text.js";
import { errorLines } from "./render-error.js";
import { ExitCode } from "../errors/errors.js";
function upSummary(input, c) {
  const lines = [`${c.bold(outcomeWord(input.summary.outcome))} in ${formatDuration(input.durationMs)}`];
  for (const p of phaseFigures(input.events)) {
    const cached = p.cached > 0 ? `, ${p.cached} cached` : "";
    const failed = p.failed > 0 ? c.red(`, ${p.failed} failed`) : "";
    lines.push(
      `  ${p.kind.padEnd(8)} ${formatDuration(p.wallMs).padStart(7)}  ${p.steps} step${p.steps === 1 ? "" : "s"}${cached}${failed}`
    );
  }
  if (input.test?.report) lines.push(`  tests: ${formatTestSummary(input.test.report)}`);
  for (const [stepId, err] of input.summary.errors)
    lines.push("", ...errorLines(`${c.red(`\u2717 ${safeText(stepId)}`)} ${c.red(`[${err.code}]`)} `, err, c));
  return `${lines.join("\n")}
`;
}
function outcomeWord(outcome) {
  return outcome === "succeeded" ? "up: ok" : outcome === "cancelled" ? "up: cancelled" : "up: FAILED";
}
function runExitCode(summary) {
  if (summary.outcome === "cancelled") return 130;
  if (summary.outcome === "succeeded") return 0;
  const codes = [...summary.errors.values()].map((e) => e.code);
  if (codes.includes("ENV_OTHER_CHECKOUT")) return ExitCode.environment;
  return codes.length > 0 && codes.every((code) => code === "TESTS_FAILED") ? 1 : 4;
}
export {
  runExitCode,
  upSummary
};
//# sourceMappingURL=up-summary.js.map
