// Words and numbers both report forms share, so markdown and HTML say the same thing.
import { formatDuration } from '../config/duration.js';
import type { ReportModel } from './report-model.js';
import type { TimelineLane } from './timeline.js';

/** `+12.3s` style offset from the run's start. */
export function offsetText(ms: number | undefined): string {
  return ms === undefined ? '' : `+${formatDuration(ms)}`;
}

/** A signed difference: `+4.0s`, `-850ms`, `±0ms`. */
export function deltaText(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms === 0) return '±0ms';
  return `${ms > 0 ? '+' : '-'}${formatDuration(Math.abs(ms))}`;
}

/** The outcome in one phrase: `FAILED`, `succeeded`, `FAILED (abandoned: tarmac died during the run)`. */
export function outcomeText(m: ReportModel): string {
  const word =
    m.outcome === 'succeeded'
      ? 'succeeded'
      : m.outcome === 'unfinished'
        ? 'UNFINISHED (the journal has no end)'
        : m.outcome.toUpperCase();
  return m.abandoned ? `${word} (abandoned: tarmac died during the run)` : word;
}

/** `3 steps: 1 succeeded, 1 failed, 1 skipped`. */
export function countsText(m: ReportModel): string {
  const total = Object.values(m.counts).reduce((a, b) => a + (b ?? 0), 0);
  const parts = Object.entries(m.counts).map(([state, n]) => `${n} ${state}`);
  return `${total} step${total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** `12 tests: 10 passed, 2 failed` or a note that no tests ran. */
export function testsText(m: ReportModel): string {
  if (!m.tests) return 'no test results in this run';
  const t = m.tests;
  const parts = [`${t.passed} passed`, `${t.failed} failed`];
  if (t.errors > 0) parts.push(`${t.errors} errors`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  return `${t.tests} tests: ${parts.join(', ')}`;
}

/** The state of a lane, with the attempt count when it ran more than once. */
export function laneStateText(l: TimelineLane): string {
  return l.attempts.length > 1 ? `${l.state} (${l.attempts.length} attempts)` : l.state;
}

/** Why a section has no triage content. */
export function noTriageText(m: ReportModel): string {
  if (m.outcome === 'succeeded') return 'No triage: the run succeeded.';
  return `No triage was recorded for this run; run: tarmac triage ${m.runId} (it collects evidence and diagnoses the failure).`;
}

/** Why the actions section is empty. */
export function noActionsText(m: ReportModel): string {
  if (m.outcome === 'succeeded') return 'None: the run succeeded.';
  if (!m.triage) return noTriageText(m);
  return `No rule suggested an action; start from what looks abnormal above and the failed steps' logs in .tarmac/runs/${m.runId}/steps/.`;
}

// Waits shorter than this are scheduling noise (the next pump), not a queue worth showing.
export const SHOWN_WAIT_MS = 500;

/** The time a step waited to start, when it is worth showing. */
export function waitText(ms: number): string {
  return ms >= SHOWN_WAIT_MS ? formatDuration(ms) : '';
}

/** Confidence as a percentage. */
export function confidenceText(c: number): string {
  return `${Math.round(c * 100)}%`;
}

/** The start offset of a lane: its first attempt, or when it settled without running. */
export function laneStartMs(l: TimelineLane): number | undefined {
  return l.attempts[0]?.startMs ?? l.settledMs;
}
