// The table `tarmac up --suite/--all` prints after the run: one row per suite (setup, tests, outcome, verdict).
import type { SuiteResult } from '../orchestrate/suite-results.js';
import type { SuiteWait } from '../plan/suites-memory.js';
import { formatDuration } from '../config/duration.js';

/** The suites table, the suites that waited for memory, and where the merged JUnit is. */
export function suitesSummary(input: {
  suites: readonly SuiteResult[];
  verdicts: ReadonlyMap<string, string>;
  waits: readonly SuiteWait[];
  junit?: string;
  durationMs: number;
}): string {
  const rows = [
    ['suite', 'setup', 'tests', 'outcome', 'verdict'],
    ...input.suites.map((s) => [
      s.name,
      s.setup,
      s.tests?.summary ?? (s.outcome === 'ready' ? 'no test' : 'not run'),
      s.outcome,
      input.verdicts.get(s.name) ?? (s.failure ? `${s.failure.code} in ${s.failure.stepId}` : '-'),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  const passed = input.suites.filter((s) => s.outcome === 'passed' || s.outcome === 'ready').length;
  return [
    '',
    ...lines,
    '',
    ...input.waits.map((w) => `waited for memory: ${w.reason}`),
    ...(input.junit ? [`JUnit (all suites): ${input.junit}`] : []),
    `${passed} of ${input.suites.length} suites green in ${formatDuration(input.durationMs)}`,
    '',
  ].join('\n');
}
