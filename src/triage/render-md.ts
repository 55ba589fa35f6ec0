// triage.md: the status table, the ranked verdicts with confidence, evidence and actions, and what is abnormal
// when no rule matched. Pure; the caller redacts (the result is redacted before it is rendered).
import { resemblanceLine } from './similar/resemblance-line.js';
import type { ComponentRow, ComponentStatus, TriageResult, Verdict } from './types.js';

const STATUS_WORD: Record<ComponentStatus, string> = {
  ok: 'ok',
  degraded: 'DEGRADED',
  down: 'DOWN',
  absent: 'absent',
  unknown: 'unknown',
};

/** The whole triage as markdown (ends with a newline). */
export function renderTriageMarkdown(result: TriageResult): string {
  const out: string[] = [`# Triage${result.runId ? ` of run ${result.runId}` : ''}`, ''];
  out.push(`Generated ${new Date(result.generatedAt).toISOString()} in ${(result.durationMs / 1000).toFixed(1)}s.`, '');
  out.push(...statusSection(result.status), '');
  out.push('## Root causes', '');
  if (result.verdicts.length === 0) out.push('No known failure mode matched.', '');
  result.verdicts.forEach((v, i) => out.push(...verdictSection(v, i + 1), ''));
  if (result.unclassified) {
    out.push('## Unclassified', '', result.unclassified.summary, '');
    if (result.unclassified.resembles) out.push(inline(resemblanceLine(result.unclassified.resembles)), '');
    for (const line of result.unclassified.abnormal) out.push(`- ${inline(line)}`);
    if (result.unclassified.abnormal.length > 0) out.push('');
    const look = result.unclassified.commands ?? [];
    if (look.length > 0) out.push('Look further:', '', ...look.map((a) => `- ${inline(a)}`), '');
  }
  out.push('## Collectors', '', '| Collector | Result | Time |', '|---|---|---|');
  for (const c of result.collectors)
    out.push(
      `| ${c.name} | ${c.ok ? 'ok' : cell(c.timedOut ? `timed out: ${c.error ?? ''}` : `failed: ${c.error ?? ''}`)} | ${c.durationMs} ms |`,
    );
  return `${out.join('\n')}\n`;
}

/** The status table alone (the report reuses it). */
export function statusSection(rows: readonly ComponentRow[]): string[] {
  const out = ['## Infrastructure status', '', '| Component | Status | Evidence |', '|---|---|---|'];
  for (const row of rows) out.push(`| ${cell(row.component)} | ${STATUS_WORD[row.status]} | ${cell(row.evidence)} |`);
  return out;
}

function verdictSection(v: Verdict, rank: number): string[] {
  const out = [
    `### ${rank}. ${v.title} (confidence ${Math.round(v.confidence * 100)}%, rule \`${v.ruleId}\`)`,
    '',
    v.summary,
    '',
  ];
  if (v.evidence.length > 0) out.push('Evidence:', '', ...v.evidence.map((e) => `- ${inline(e)}`), '');
  if (v.unexplained?.length)
    out.push('Not explained by this verdict:', '', ...v.unexplained.map((e) => `- ${inline(e)}`), '');
  if (v.actions.length > 0) out.push('Recommended actions:', '', ...v.actions.map((a, i) => `${i + 1}. ${inline(a)}`));
  return out;
}

/** Text in a table cell: no pipes or newlines break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A line of evidence or an action as inline code (backticks inside are kept readable). */
function inline(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ');
  const fence = oneLine.includes('`') ? '`` ' : '`';
  return `${fence}${oneLine}${fence === '`` ' ? ' ``' : '`'}`;
}
