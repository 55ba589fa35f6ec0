// Text tables for `tarmac history` and `tarmac stats`. Pure.
import { formatDuration } from '../config/duration.js';
import { table } from '../ui/text-table.js';
import type { RunRow } from './query.js';
import type { StrategyStats, TestStats } from './stats.js';

/** What a run's row says in the outcome column; `unfinished` is decided by the caller (owner alive or not). */
export function outcomeText(run: RunRow, unfinished: 'running' | 'dead'): string {
  if (run.abandoned) return 'abandoned';
  if (run.outcome) return run.outcome;
  return unfinished === 'running' ? 'running' : 'unfinished (tarmac gone)';
}

/** `7 passed, 1 failed` or `-`. */
export function testsText(tests: RunRow['tests']): string {
  if (!tests) return '-';
  const parts = [`${tests.passed} passed`];
  if (tests.failed + tests.errors > 0) parts.push(`${tests.failed + tests.errors} failed`);
  if (tests.skipped > 0) parts.push(`${tests.skipped} skipped`);
  return parts.join(', ');
}

/** `engine-crash x2, reconciled` or `-`. */
export function incidentsText(kinds: readonly string[]): string {
  if (kinds.length === 0) return '-';
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k} x${n}` : k)).join(', ');
}

/** Local time, `YYYY-MM-DD HH:MM:SS`. */
export function whenText(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const ms = (v: number | null): string => (v === null ? '-' : formatDuration(v));
const pct = (v: number | null): string => (v === null ? '-' : `${Math.round(v * 100)}%`);

/** `gateway, fleet` or `-` (a single-env run). */
export function suitesText(suites: readonly string[]): string {
  return suites.length === 0 ? '-' : suites.join(', ');
}

/** The per-strategy table: the seed's PERFORMANCE COMPARISON, measured; a suites column only when a run had suites. */
export function strategyTable(rows: readonly StrategyStats[]): string {
  const withSuites = rows.some((r) => r.suites.length > 0);
  return table(
    [
      'command',
      'capacity',
      'label',
      ...(withSuites ? ['suites'] : []),
      'runs',
      'ok/failed/cancelled/abandoned',
      'setup p50',
      'setup p95',
      'crash rate',
      'cache hits',
    ],
    rows.map((r) => [
      r.command,
      String(r.capacity ?? '-'),
      r.label ?? '-',
      ...(withSuites ? [suitesText(r.suites)] : []),
      String(r.runs),
      `${r.succeeded}/${r.failed}/${r.cancelled}/${r.abandoned}`,
      ms(r.setupP50Ms),
      ms(r.setupP95Ms),
      pct(r.crashRate),
      pct(r.cacheHitRate),
    ]),
  );
}

/** The per-test table, flaky tests first. */
export function testTable(rows: readonly TestStats[]): string {
  return table(
    ['test', 'runs', 'pass rate', 'passed/failed/skipped', 'flaky'],
    rows.map((t) => [
      t.id,
      String(t.runs),
      pct(t.passRate),
      `${t.passed}/${t.failed}/${t.skipped}`,
      t.flaky ? 'FLAKY' : '-',
    ]),
  );
}

export { ms as durationText };
