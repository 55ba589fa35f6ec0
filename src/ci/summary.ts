// PURE: the markdown appended to $GITHUB_STEP_SUMMARY: outcome, test results, the triage verdict and
// a timeline table (step, state, start, duration).
import { resemblanceLine } from '../triage/similar/resemblance-line.js';
import { formatDuration } from '../config/duration.js';
import type { CiRun, CiStep } from './ci-run.js';
import { percent } from './annotations.js';
import { mdCode, mdText } from '../report/md-escape.js';

const MAX_FAILING_LISTED = 20;

const OUTCOME: Record<CiRun['outcome'], string> = {
  succeeded: '✅ succeeded',
  failed: '❌ FAILED',
  cancelled: '⚪ cancelled',
  unfinished: '⚠️ unfinished',
};
const STATE: Record<CiStep['state'], string> = {
  succeeded: '✅ succeeded',
  cached: '♻️ cached',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '⚪ cancelled',
  running: '⚠️ running',
  pending: '⏸️ pending',
};

/** The job summary of one run, ending with a blank line so several runs can be appended. */
export function renderSummary(run: CiRun): string {
  const out: string[] = [`## tarmac ${run.command}: ${OUTCOME[run.outcome]}`, ''];
  out.push(
    `Run ${mdCode(run.runId)}${run.durationMs !== undefined ? ` · ${formatDuration(run.durationMs)}` : ''} · config ${mdCode(run.configFile)}`,
    '',
  );
  out.push(...results(run), ...triage(run), ...timeline(run));
  if (run.links.length > 0)
    out.push('### Files', '', ...run.links.map((l) => `- ${mdText(l.label)}: ${mdCode(l.path)}`), '');
  return `${out.join('\n')}\n`;
}

function results(run: CiRun): string[] {
  const failed = run.steps.filter((s) => s.state === 'failed');
  const out = ['### Results', ''];
  const counts = new Map<string, number>();
  for (const s of run.steps) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  out.push(`Steps: ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}`, '');
  if (run.tests) {
    const t = run.tests.totals;
    out.push(
      `Tests: ${t.tests} total, ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped`,
      '',
    );
    if (run.tests.failing.length > 0) {
      out.push('| Failing test | Status | Message |', '|---|---|---|');
      for (const c of run.tests.failing.slice(0, MAX_FAILING_LISTED))
        out.push(`| ${mdCode(c.id)} | ${c.status} | ${cell(c.message ?? '')} |`);
      if (run.tests.failing.length > MAX_FAILING_LISTED)
        out.push(`| … | | ${run.tests.failing.length - MAX_FAILING_LISTED} more |`);
      out.push('');
    }
  }
  for (const s of failed) {
    out.push(
      `**${cell(s.id)}** failed${s.error ? ` ${mdCode(s.error.code)}` : ''}: ${cell(s.error?.message ?? s.detail ?? '')}`,
    );
    if (s.error?.hint) out.push(`> hint: ${cell(s.error.hint)}`);
    out.push('');
  }
  return out;
}

function triage(run: CiRun): string[] {
  if (!run.triage) return [];
  const out = ['### Triage', ''];
  const top = run.triage.verdicts[0];
  if (top) {
    out.push(`**${cell(top.title)}** (${percent(top.confidence)} confidence): ${cell(top.summary)}`, '');
    if (top.actions.length > 0)
      out.push('Actions:', '', ...top.actions.map((a, i) => `${i + 1}. ${inlineCode(a)}`), '');
    const others = run.triage.verdicts.slice(1, 4);
    if (others.length > 0)
      out.push(`Also considered: ${others.map((v) => `${cell(v.title)} (${percent(v.confidence)})`).join(', ')}`, '');
  } else if (run.triage.unclassified) {
    out.push(
      `**Unclassified**: ${cell(run.triage.unclassified.summary)}`,
      '',
      ...(run.triage.unclassified.resembles ? [cell(resemblanceLine(run.triage.unclassified.resembles)), ''] : []),
      ...run.triage.unclassified.abnormal.map((a) => `- ${cell(a)}`),
      '',
    );
  } else {
    out.push('No verdict.', '');
  }
  return out;
}

function timeline(run: CiRun): string[] {
  if (run.steps.length === 0) return [];
  const rows = [...run.steps].sort(
    (a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || a.id.localeCompare(b.id),
  );
  return [
    '### Timeline',
    '',
    '| Step | State | Start | Duration |',
    '|---|---|---:|---:|',
    ...rows.map(
      (s) =>
        `| ${mdCode(s.id)} | ${STATE[s.state]} | ${s.startMs !== undefined ? `+${formatDuration(s.startMs)}` : ''} | ${s.durationMs !== undefined && s.startMs !== undefined ? formatDuration(s.durationMs) : ''} |`,
    ),
    '',
  ];
}

// A table cell or inline text, markdown-safe (src/report/md-escape.ts).
const cell = mdText;

// Commands and names read best as code.
const inlineCode = mdCode;
