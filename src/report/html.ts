// The self-contained HTML report: one file, inline CSS, the timeline as inline SVG, no scripts and
// no external resources (a CSP forbids them, so even a missed escape could not load or run anything).
import { redactDeep, type Redactor } from '../redact/redactor.js';
import { html, raw } from './html-escape.js';
import { actionsSection, causesSection, statusSection, summarySection, timelineSection } from './html-sections.js';
import { REPORT_CSS } from './html-style.js';
import type { ReportModel } from './report-model.js';
import { outcomeText } from './report-text.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Renders the report as one HTML page; every string of the model goes through `redact` first. */
export function renderHtml(model: ReportModel, redact: Redactor): string {
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
<p class="muted">tarmac ${m.command} &middot; <span class="outcome-${m.outcome}">${outcomeText(m)}</span></p>
${summarySection(m)}
${statusSection(m)}
${timelineSection(m)}
${causesSection(m)}
${actionsSection(m)}
</body>
</html>
`.value;
}
