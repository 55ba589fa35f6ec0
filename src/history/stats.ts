// The figures of `tarmac stats`, computed from history rows: per strategy (command, capacity, label)
// the seed's PERFORMANCE COMPARISON measured, and per test its pass rate and whether it is flaky. Pure.
import { percentile } from './percentiles.js';
import type { RunRow, TestRow } from './query.js';

/** Incident kinds that mean the engine crashed during the run. */
const CRASH_KINDS: ReadonlySet<string> = new Set(['engine-crash', 'engine-lost']);

/** One strategy's row of the comparison. */
export interface StrategyStats {
  command: string;
  capacity: number | null;
  label: string | null;
  /** The suites the runs covered (a strategy of a suites run is also which suites ran together); [] for single-env runs. */
  suites: string[];
  /** Finished runs (abandoned ones included: a killed run is a data point for stability). */
  runs: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  abandoned: number;
  /** Runs whose setup completed (the test step started, or the run succeeded): the samples of the percentiles. */
  setupSamples: number;
  setupP50Ms: number | null;
  setupP95Ms: number | null;
  /** Runs with an engine-crash or engine-lost incident / runs. */
  crashRate: number | null;
  /** Cached build/cluster/deliver steps / such steps that finished cached, succeeded or failed. */
  cacheHitRate: number | null;
}

/** One test's record. */
export interface TestStats {
  id: string;
  runs: number;
  passed: number;
  /** failed + error. */
  failed: number;
  skipped: number;
  /** passed / (passed + failed); null when it never ran to a verdict. */
  passRate: number | null;
  /** It both passed and failed on the same inputs fingerprint (same images, same command). */
  flaky: boolean;
  /** The fingerprints it was flaky on. */
  flakyInputs: string[];
}

/** Groups finished runs by (command, capacity, label, suites) and computes each group's figures. */
export function strategyStats(runs: readonly RunRow[]): StrategyStats[] {
  const groups = new Map<string, RunRow[]>();
  for (const run of runs) {
    if (run.outcome === null) continue;
    const key = JSON.stringify([run.command ?? '?', run.capacity, run.label, run.suites]);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const out = [...groups.values()].map((list) => {
    const first = list[0]!;
    const setups = list
      .filter((r) => r.setupMs !== null && !r.abandoned && (r.testStarted || r.outcome === 'succeeded'))
      .map((r) => r.setupMs!);
    const lookups = list.reduce((n, r) => n + r.cacheLookups, 0);
    const count = (o: RunRow['outcome']) => list.filter((r) => r.outcome === o && !r.abandoned).length;
    return {
      command: first.command ?? '?',
      capacity: first.capacity,
      label: first.label,
      suites: first.suites,
      runs: list.length,
      succeeded: count('succeeded'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      abandoned: list.filter((r) => r.abandoned).length,
      setupSamples: setups.length,
      setupP50Ms: setups.length ? Math.round(percentile(setups, 50)) : null,
      setupP95Ms: setups.length ? Math.round(percentile(setups, 95)) : null,
      crashRate: list.filter((r) => r.incidents.some((k) => CRASH_KINDS.has(k))).length / list.length,
      cacheHitRate: lookups ? list.reduce((n, r) => n + r.cacheHits, 0) / lookups : null,
    };
  });
  return out.sort(
    (a, b) =>
      a.command.localeCompare(b.command) ||
      (a.capacity ?? 0) - (b.capacity ?? 0) ||
      (a.label ?? '').localeCompare(b.label ?? '') ||
      a.suites.join(',').localeCompare(b.suites.join(',')),
  );
}

/** Per test: counts, pass rate, and flakiness (passed and failed with the same inputs). */
export function testStats(rows: readonly TestRow[]): TestStats[] {
  const byTest = new Map<string, TestRow[]>();
  for (const row of rows) byTest.set(row.testId, [...(byTest.get(row.testId) ?? []), row]);
  return [...byTest]
    .map(([id, list]) => {
      const passed = list.filter((r) => r.status === 'passed').length;
      const failed = list.filter((r) => r.status === 'failed' || r.status === 'error').length;
      const verdicts = new Map<string, Set<'pass' | 'fail'>>();
      for (const r of list) {
        if (r.status === 'skipped') continue;
        const seen = verdicts.get(r.inputs) ?? new Set();
        seen.add(r.status === 'passed' ? 'pass' : 'fail');
        verdicts.set(r.inputs, seen);
      }
      const flakyInputs = [...verdicts].filter(([, seen]) => seen.size === 2).map(([inputs]) => inputs);
      return {
        id,
        runs: new Set(list.map((r) => r.runId)).size,
        passed,
        failed,
        skipped: list.length - passed - failed,
        passRate: passed + failed > 0 ? passed / (passed + failed) : null,
        flaky: flakyInputs.length > 0,
        flakyInputs,
      };
    })
    .sort(
      (a, b) => Number(b.flaky) - Number(a.flaky) || (a.passRate ?? 1) - (b.passRate ?? 1) || a.id.localeCompare(b.id),
    );
}
