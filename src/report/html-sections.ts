// The sections of the HTML report; every piece of data goes through the escaping `html` template.
import { resemblanceLine } from '../triage/similar/resemblance-line.js';
import { formatDuration } from '../config/duration.js';
import { html, type SafeHtml } from './html-escape.js';
import { renderGantt } from './html-gantt.js';
import type { ReportModel } from './report-model.js';
import {
  confidenceText,
  countsText,
  deltaText,
  laneStartMs,
  laneStateText,
  noActionsText,
  noTriageText,
  offsetText,
  outcomeText,
  testsText,
  waitText,
} from './report-text.js';

/** Summary: command, outcome, duration, counts, tests and each failure with its last output lines. */
export function summarySection(m: ReportModel): SafeHtml {
  const failing = m.tests?.failing ?? [];
  return html`<section id="summary"><h2>Summary</h2><table>
<tr><th>command</th><td class="mono">tarmac ${m.command}</td></tr>
<tr><th>outcome</th><td class="outcome-${m.outcome}">${outcomeText(m)}</td></tr>
<tr><th>started</th><td>${new Date(m.startedAt).toISOString()}</td></tr>
<tr><th>duration</th><td>${formatDuration(m.durationMs)}</td></tr>
<tr><th>steps</th><td>${countsText(m)}</td></tr>
<tr><th>tests</th><td>${testsText(m)}${failing.length > 0 ? html`<ul>${failing.map((c) => html`<li><span class="mono">${c.id}</span>${c.message ? `: ${c.message}` : ''}</li>`)}</ul>` : ''}</td></tr>
</table>
${m.failures.map((f) => html`<h3>&#x2717; <span class="mono">${f.stepId}</span> [${f.code}]</h3><p>${f.message}</p>${f.hint ? html`<p class="muted">hint: ${f.hint}</p>` : ''}${f.tail.length > 0 ? html`<pre>${f.tail.slice(-8).join('\n')}</pre>` : ''}`)}
</section>`;
}

/** The component status table from the triage. */
export function statusSection(m: ReportModel): SafeHtml {
  const rows = m.triage?.status ?? [];
  const body = !m.triage
    ? html`<p class="muted">${noTriageText(m)}</p>`
    : rows.length === 0
      ? html`<p class="muted">The triage checked no components.</p>`
      : html`<table><tr><th>component</th><th>status</th><th>evidence</th></tr>${rows.map((r) => html`<tr><td>${r.component}</td><td><span class="status status-${r.status}">${r.status}</span></td><td class="mono">${r.evidence}</td></tr>`)}</table>`;
  return html`<section id="status"><h2>Component status</h2>${body}</section>`;
}

/** The Gantt chart, its legend, then the table of actual against expected durations. */
export function timelineSection(m: ReportModel): SafeHtml {
  const t = m.timeline;
  if (t.lanes.length === 0)
    return html`<section id="timeline"><h2>Timeline: actual vs expected</h2><p class="muted">The run started no steps.</p></section>`;
  const legend = ['succeeded', 'cached', 'failed', 'cancelled', 'running', 'skipped'].map(
    (s) => html`<span><i class="state-${s}" style="background: var(--${s === 'succeeded' ? 'ok' : s})"></i>${s}</span>`,
  );
  const rows = t.lanes.map(
    (
      l,
    ) => html`<tr><td class="mono">${l.stepId}</td><td>${laneStateText(l)}</td><td class="num">${offsetText(laneStartMs(l))}</td>
<td class="num">${l.actualMs === undefined ? '' : formatDuration(l.actualMs)}</td><td class="num">${l.expectedMs === undefined ? '' : formatDuration(l.expectedMs)}</td>
<td class="num ${l.deltaMs !== undefined && l.expectedMs ? (l.deltaMs > l.expectedMs * 0.5 ? 'late' : l.deltaMs < 0 ? 'early' : '') : ''}">${deltaText(l.deltaMs)}</td><td class="num">${waitText(l.queuedMs)}</td></tr>`,
  );
  const incidents = t.markers.filter((k) => k.type === 'incident');
  return html`<section id="timeline"><h2>Timeline: actual vs expected</h2>
${m.hasHistory ? '' : html`<p class="muted">No earlier successful runs of this env: expected durations are unknown.</p>`}
<div class="legend">${legend}<span><i style="background: #b9bec6"></i>waiting to start</span><span><i style="background: rgba(59,123,224,.15); border: 1px dashed #3b7be0"></i>expected</span><span><i style="background: var(--failed); transform: rotate(45deg); width: 9px; height: 9px"></i>incident</span></div>
<div class="chart">${renderGantt(t)}</div>
<table><tr><th>step</th><th>state</th><th>start</th><th>actual</th><th>expected</th><th>delta</th><th>waited</th></tr>${rows}</table>
${incidents.length > 0 ? html`<h3>Incidents</h3><ul>${incidents.map((i) => html`<li>${offsetText(i.atMs)} <strong>${i.label}</strong>: ${i.message}</li>`)}</ul>` : ''}
</section>`;
}

/** Ranked verdicts with confidence and evidence, or the unclassified summary. */
export function causesSection(m: ReportModel): SafeHtml {
  const tr = m.triage;
  if (!tr) return html`<section id="causes"><h2>Root causes</h2><p class="muted">${noTriageText(m)}</p></section>`;
  const verdicts = tr.verdicts.map(
    (
      v,
      i,
    ) => html`<div class="verdict"><h3>${i + 1}. ${v.title} <span class="muted">(${v.ruleId}), confidence ${confidenceText(v.confidence)}</span></h3>
<p>${v.summary}</p><pre>${v.evidence.join('\n')}</pre></div>`,
  );
  const u = tr.unclassified;
  const unclassified = u
    ? html`<div class="verdict unclassified"><h3>Unclassified</h3><p>${u.summary}</p>${u.resembles ? html`<p>${resemblanceLine(u.resembles)}</p>` : ''}<pre>${u.abnormal.join('\n')}</pre></div>`
    : '';
  const none = tr.verdicts.length === 0 && !u ? html`<p class="muted">The triage found nothing abnormal.</p>` : '';
  return html`<section id="causes"><h2>Root causes</h2>${verdicts}${unclassified}${none}</section>`;
}

/** The actions, in rank order. */
export function actionsSection(m: ReportModel): SafeHtml {
  const body =
    m.actions.length === 0
      ? html`<p class="muted">${noActionsText(m)}</p>`
      : html`<ol>${m.actions.map((a) => html`<li><code>${a}</code></li>`)}</ol>`;
  return html`<section id="actions"><h2>Recommended actions</h2>${body}</section>`;
}
