// The summary line CI reads, and the failing-case lines.
import { describe, expect, it } from 'vitest';
import { parseJUnit } from './junit.js';
import { failureLines, formatTestSummary } from './summary.js';

const report = parseJUnit(
  `<testsuite name="s">
  <testcase classname="c" name="ok1"/><testcase classname="c" name="ok2"/>
  <testcase classname="c" name="bad"><failure message="expected 1&#10;got 2"/></testcase>
  <testcase classname="c" name="crash"><error>Segfault</error></testcase>
  <testcase classname="c" name="later"><skipped/></testcase>
</testsuite>`,
  'x.xml',
);

describe('formatTestSummary', () => {
  it('is exactly "N passed, N failed, N skipped", errors counted as failed', () => {
    expect(formatTestSummary(report)).toBe('2 passed, 2 failed, 1 skipped');
    expect(formatTestSummary(report.totals)).toBe('2 passed, 2 failed, 1 skipped');
    // The form CI systems read: `N passed, N failed` alone on a line, `, N skipped` may follow.
    expect(formatTestSummary(report)).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });
});

describe('failureLines', () => {
  it('lists failing and errored cases with the first line of their message, up to a limit', () => {
    expect(failureLines(report)).toEqual(['FAILED c.bad: expected 1', 'ERROR  c.crash: Segfault']);
    expect(failureLines(report, 1)).toEqual(['FAILED c.bad: expected 1', '… and 1 more']);
  });
});
