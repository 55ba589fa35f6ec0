// The markdown report: summary, component status, timeline actual vs expected, root causes, actions.
import { resemblanceLine } from '../triage/similar/resemblance-line.js';
import { formatDuration } from '../config/duration.js';
import { redactDeep, type Redactor } from '../redact/redactor.js';
import type { ReportModel } from './report-model.js';
import { codeBlock, mdText } from './md-escape.js';
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

/** Renders the report as markdown; every string of the model goes through `redact` first. */
export function renderMarkdown(model: ReportModel, redact: Redactor): string {
  const m = redactDeep(model, redact);
  return (
    [
      `# tarmac report: run ${mdText(m.runId)}`,
      ...summary(m),
      ...status(m),
      ...timeline(m),
      ...causes(m),
      ...actions(m),
    ].join('\n') + '\n'
  );
}

function summary(m: ReportModel): string[] {
  const lines = [
    '',
    '## Summary',
    '',
    `- command: ${mdText(`tarmac ${m.command}`)}`,
    `- outcome: **${mdText(outcomeText(m))}**`,
    `- started: ${new Date(m.startedAt).toISOString()}, took ${formatDuration(m.durationMs)}`,
    `- steps: ${mdText(countsText(m))}`,
    `- tests: ${mdText(testsText(m))}`,
  ];
  for (const c of m.tests?.failing ?? [])
    lines.push(`  - ✗ ${mdText(c.id)}${c.message ? `: ${mdText(c.message)}` : ''}`);
  for (const f of m.failures) {
    lines.push(`- ✗ ${mdText(f.stepId)} [${mdText(f.code)}]: ${mdText(f.message)}`);
    if (f.tail.length > 0) lines.push('', ...codeBlock(f.tail.slice(-8)).map((l) => `  ${l}`), '');
  }
  return lines;
}

function status(m: ReportModel): string[] {
  const lines = ['', '## Component status', ''];
  if (!m.triage) return [...lines, mdText(noTriageText(m))];
  if (m.triage.status.length === 0) return [...lines, 'The triage checked no components.'];
  lines.push('| component | status | evidence |', '|---|---|---|');
  for (const r of m.triage.status)
    lines.push(
      `| ${mdText(r.component)} | ${r.status === 'ok' ? 'ok' : `**${mdText(r.status)}**`} | ${mdText(r.evidence)} |`,
    );
  return lines;
}

function timeline(m: ReportModel): string[] {
  const lines = ['', '## Timeline: actual vs expected', ''];
  if (!m.hasHistory) lines.push('No earlier successful runs of this env: expected durations are unknown.', '');
  if (m.timeline.lanes.length === 0) return [...lines, 'The run started no steps.'];
  lines.push('| step | state | start | actual | expected | delta | waited |', '|---|---|---|---|---|---|---|');
  for (const l of m.timeline.lanes) {
    const cells = [
      mdText(l.stepId),
      mdText(laneStateText(l)),
      offsetText(laneStartMs(l)),
      l.actualMs === undefined ? '' : formatDuration(l.actualMs),
      l.expectedMs === undefined ? '' : formatDuration(l.expectedMs),
      deltaText(l.deltaMs),
      waitText(l.queuedMs),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const incidents = m.timeline.markers.filter((k) => k.type === 'incident');
  if (incidents.length > 0) {
    lines.push('', 'Incidents:', '');
    for (const i of incidents) lines.push(`- ${offsetText(i.atMs)} **${mdText(i.label)}**: ${mdText(i.message)}`);
  }
  return lines;
}

function causes(m: ReportModel): string[] {
  const lines = ['', '## Root causes', ''];
  if (!m.triage) return [...lines, mdText(noTriageText(m))];
  m.triage.verdicts.forEach((v, i) => {
    lines.push(
      `### ${i + 1}. ${mdText(v.title)} (${mdText(v.ruleId)}), confidence ${confidenceText(v.confidence)}`,
      '',
      mdText(v.summary),
      '',
      'Evidence:',
      '',
    );
    for (const e of v.evidence) lines.push(`- ${mdText(e)}`);
    lines.push('');
  });
  const u = m.triage.unclassified;
  if (u) {
    lines.push(`**Unclassified**: ${mdText(u.summary)}`, '');
    if (u.resembles) lines.push(mdText(resemblanceLine(u.resembles)), '');
    lines.push('What looks abnormal:', '');
    for (const a of u.abnormal) lines.push(`- ${mdText(a)}`);
  }
  if (m.triage.verdicts.length === 0 && !u) lines.push('The triage found nothing abnormal.');
  return lines;
}

function actions(m: ReportModel): string[] {
  const lines = ['', '## Recommended actions', ''];
  if (m.actions.length === 0) {
    return [...lines, mdText(noActionsText(m))];
  }
  m.actions.forEach((a, i) => lines.push(`${i + 1}. ${mdText(a)}`));
  return lines;
}
