// The one-line test summary: `N passed, N failed, N skipped`, exactly that form, because CI
// systems read that plain line to count tests.
import type { JUnitReport, JUnitTotals } from './types.js';

/** "7 passed, 1 failed, 0 skipped"; errored cases count as failed (the line has no place for them). */
export function formatTestSummary(report: Pick<JUnitReport, 'totals'> | JUnitTotals): string {
  const t = 'totals' in report ? report.totals : report;
  return `${t.passed} passed, ${t.failed + t.errors} failed, ${t.skipped} skipped`;
}

/** The failing cases as "id: message" lines (at most `max`), for the end of a failed run. */
export function failureLines(report: JUnitReport, max = 10): string[] {
  const failing = report.cases.filter((c) => c.status === 'failed' || c.status === 'error');
  const lines = failing
    .slice(0, max)
    .map(
      (c) => `${c.status === 'error' ? 'ERROR ' : 'FAILED'} ${c.id}${c.message ? `: ${c.message.split('\n')[0]}` : ''}`,
    );
  if (failing.length > max) lines.push(`… and ${failing.length - max} more`);
  return lines;
}
