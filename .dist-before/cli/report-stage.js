import { relative } from "node:path";
import { loadRunReport, writeRunReport } from "../report/run-report.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { toEventError } from "../events/event-error.js";
import { warnTo } from "./warn.js";
import { safeText } from "../ui/safe-text.js";
import { expectedDurations } from "./commands/report.js";
function reportStage(input) {
  if (input.outcome !== "failed" || !reportWorthy(input.error)) return;
  const { session, io } = input;
  const out = input.json ? io.stderr : io.stdout;
  const { redact } = session;
  const warn = warnTo(io.stderr, redact);
  try {
    const expected = expectedDurations(session.env, session.bus.runId, warn);
    const { model, warnings } = loadRunReport(
      session.journal.dir,
      session.bus.runId,
      expected,
      input.error === void 0 ? void 0 : toEventError(input.error)
    );
    warnings.forEach(warn);
    const paths = writeRunReport(session.journal.dir, model, redact);
    const show = (p) => p.startsWith(io.cwd) ? relative(io.cwd, p) : p;
    out.write(`report: ${safeText(show(paths.markdown))} \xB7 ${safeText(show(paths.html))}
`);
  } catch (err) {
    warn(`the report could not be written: ${err instanceof Error ? err.message : String(err)}`);
  }
}
function reportWorthy(error) {
  return !(error instanceof TarmacError && (error.exitCode === ExitCode.usage || error.exitCode === ExitCode.interrupted));
}
export {
  reportStage
};
//# sourceMappingURL=report-stage.js.map
