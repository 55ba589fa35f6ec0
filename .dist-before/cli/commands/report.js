import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { readExpectedDurations } from "../../history/expected.js";
import { secretValues } from "../../redact/env-secrets.js";
import { makeRedactor, redactDeep } from "../../redact/redactor.js";
import { renderHtml } from "../../report/html.js";
import { renderMarkdown } from "../../report/markdown.js";
import { resolveRun } from "../../journal/find-run.js";
import { loadRunReport } from "../../report/run-report.js";
import { warnTo } from "../warn.js";
import { safeText } from "../../ui/safe-text.js";
import { loadCommandConfig } from "../load-config.js";
async function reportCommand(run, opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const where = resolveRun(env.stateDir, run, io.cwd);
  const redact = makeRedactor(secretValues(env, io.env));
  const warn = warnTo(io.stderr, redact);
  const { model, warnings } = loadRunReport(where.dir, where.runId, expectedDurations(env, where.runId, warn));
  warnings.forEach(warn);
  if (opts.html) {
    const target = resolve(io.cwd, opts.html);
    writeFileSync(target, renderHtml(model, redact));
    io.stderr.write(`report: wrote ${safeText(target)}
`);
  }
  io.stdout.write(
    opts.json ? `${JSON.stringify(redactDeep(model, redact), null, 2)}
` : renderMarkdown(model, redact)
  );
  return 0;
}
function expectedDurations(env, runId, warn) {
  try {
    return readExpectedDurations(env.historyPath, env.name, { excludeRunId: runId });
  } catch (err) {
    warn(`expected durations unavailable: ${err instanceof Error ? err.message : String(err)}`);
    return {};
  }
}
export {
  expectedDurations,
  reportCommand
};
//# sourceMappingURL=report.js.map
