import { redactDeep } from "../redact/redactor.js";
import { html, raw } from "./html-escape.js";
import { actionsSection, causesSection, statusSection, summarySection, timelineSection } from "./html-sections.js";
import { REPORT_CSS } from "./html-style.js";
import { outcomeText } from "./report-text.js";
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
function renderHtml(model, redact) {
  const m = redactDeep(model, redact);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tarmac report ${m.runId}: ${outcomeText(m)}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<h1>tarmac report: run <span class="mono">${m.runId}</span></h1>
<p class="muted">tarmac ${m.command} · <span class="outcome-${m.outcome}">${outcomeText(m)}</span></p>
${summarySection(m)}
${statusSection(m)}
${timelineSection(m)}
${causesSection(m)}
${actionsSection(m)}
</body>
</html>
`.value;
}
export {
  renderHtml
};
//# sourceMappingURL=html.js.map
