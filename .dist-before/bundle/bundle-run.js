import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeRedactor } from "../redact/redactor.js";
import { secretValues } from "../redact/env-secrets.js";
import { loadRunReport } from "../report/run-report.js";
import { renderHtml } from "../report/html.js";
import { renderMarkdown } from "../report/markdown.js";
import { planBundle } from "./bundle-entries.js";
import { writeBundle } from "./write-bundle.js";
import { RUN_FILES, reportFiles } from "../journal/run-dir.js";
function defaultBundlePath(stateDir, runId, processEnv, cwd) {
  const dir = processEnv.TARMAC_BUNDLE_DIR ? resolve(cwd, processEnv.TARMAC_BUNDLE_DIR) : join(stateDir, "bundles");
  return join(dir, `${runId}.tar.gz`);
}
async function bundleRun(input) {
  const redact = makeRedactor(secretValues(input.env, input.processEnv));
  const plan = planBundle({
    runDir: input.runDir,
    configFile: input.env.file,
    generated: missingReports(input, redact)
  });
  return writeBundle(input.runId, plan, input.outFile, redact);
}
function missingReports(input, redact) {
  const reports = reportFiles(input.runDir);
  const wantMd = !existsSync(reports.markdown);
  const wantHtml = !existsSync(reports.html);
  if (!wantMd && !wantHtml) return {};
  try {
    const { model } = loadRunReport(input.runDir, input.runId, {});
    return {
      ...wantMd ? { [RUN_FILES.reportMarkdown]: renderMarkdown(model, redact) } : {},
      ...wantHtml ? { [RUN_FILES.reportHtml]: renderHtml(model, redact) } : {}
    };
  } catch {
    return {};
  }
}
export {
  bundleRun,
  defaultBundlePath
};
//# sourceMappingURL=bundle-run.js.map
