import { writeFileSync } from "node:fs";
import { PRIVATE_FILE_MODE } from "../files/private.js";
import { readJournal } from "../journal/reader.js";
import { readTriageFile } from "../triage/triage-file.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { buildReport } from "./report-model.js";
import { reportFiles, triageFiles } from "../journal/run-dir.js";
function loadRunReport(dir, runId, expected, thrown) {
  const warnings = [];
  const events = readJournal(dir, (line) => warnings.push(line));
  const { triage, warning } = readTriageFile(triageFiles(dir).json);
  if (warning) warnings.push(warning);
  return {
    model: buildReport({ events, expected, runId, ...triage ? { triage } : {}, ...thrown ? { thrown } : {} }),
    warnings
  };
}
function writeRunReport(dir, model, redact) {
  const { markdown, html } = reportFiles(dir);
  writeFileSync(markdown, renderMarkdown(model, redact), { mode: PRIVATE_FILE_MODE });
  writeFileSync(html, renderHtml(model, redact), { mode: PRIVATE_FILE_MODE });
  return { markdown, html };
}
export {
  loadRunReport,
  writeRunReport
};
//# sourceMappingURL=run-report.js.map
