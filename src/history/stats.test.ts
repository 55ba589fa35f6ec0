import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentiles.js';
import type { RunRow, TestRow } from './query.js';
import { strategyStats, testStats } from './stats.js';

const run = (o: Partial<RunRow>): RunRow => ({
  id: 'r',
  env: 'shop',
  command: 'up',
  started: 0,
  finished: 1,
  outcome: 'succeeded',
  durationMs: 1,
  capacity: 2,
  label: null,
  setupMs: 1000,
  abandoned: false,
  testStarted: true,
  tests: null,
  incidents: [],
  cacheHits: 0,
  cacheLookups: 0,
  suites: [],
  ...o,
});

describe('percentiles', () => {
  it('interpolates between closest ranks', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // rank 0.95 * 9 = 8.55 -> 90 + 0.55 * 10
    expect(percentile(values, 95)).toBeCloseTo(95.5);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('strategyStats', () => {
  it('groups by command, capacity and label; setup percentiles over completed setups only; crash and cache-hit rates', () => {
    const rows = [
      ...[100, 200, 300, 400].map((s, i) =>
        run({ id: `a${i}`, capacity: 1, setupMs: s * 1000, cacheHits: i, cacheLookups: 4 }),
      ),
      run({ id: 'b1', capacity: 2, setupMs: 50_000, incidents: ['engine-crash', 'engine-crash'], outcome: 'failed' }),
      run({ id: 'b2', capacity: 2, setupMs: 70_000 }),
      // Killed mid-setup, and a run that failed before its tests: counted as runs, not as setup samples.
      run({
        id: 'b3',
        capacity: 2,
        setupMs: 5_000,
        outcome: 'failed',
        abandoned: true,
        testStarted: false,
        incidents: ['reconciled'],
      }),
      run({ id: 'b4', capacity: 2, setupMs: 9_000, outcome: 'failed', testStarted: false, incidents: ['engine-lost'] }),
      run({ id: 'c1', capacity: 2, label: 'warm', setupMs: 2_000, cacheHits: 3, cacheLookups: 3 }),
      // Still running: not part of any figure.
      run({ id: 'd1', capacity: 2, outcome: null, finished: null }),
    ];
    const stats = strategyStats(rows);
    expect(stats.map((s) => [s.capacity, s.label, s.runs])).toEqual([
      [1, null, 4],
      [2, null, 4],
      [2, 'warm', 1],
    ]);
    expect(stats[0]).toMatchObject({
      setupSamples: 4,
      setupP50Ms: 250_000,
      setupP95Ms: 385_000,
      crashRate: 0,
      cacheHitRate: 6 / 16,
      succeeded: 4,
    });
    expect(stats[1]).toMatchObject({
      setupSamples: 2,
      setupP50Ms: 60_000,
      setupP95Ms: 69_000,
      crashRate: 0.5,
      cacheHitRate: null,
      succeeded: 1,
      failed: 2,
      abandoned: 1,
    });
    expect(stats[2]).toMatchObject({ setupP50Ms: 2_000, cacheHitRate: 1 });
  });
});

describe('testStats', () => {
  const t = (runId: string, testId: string, status: TestRow['status'], inputs: string): TestRow => ({
    runId,
    testId,
    status,
    inputs,
  });

  it('is flaky only when it passed and failed on the same inputs', () => {
    const stats = testStats([
      t('r1', 'login', 'passed', 'i1'),
      t('r2', 'login', 'failed', 'i1'),
      t('r3', 'login', 'passed', 'i1'),
      // Failed only after the images changed: a regression, not a flake.
      t('r1', 'search', 'passed', 'i1'),
      t('r4', 'search', 'error', 'i2'),
      t('r1', 'skipped', 'skipped', 'i1'),
      t('r2', 'skipped', 'passed', 'i1'),
    ]);
    expect(stats).toEqual([
      { id: 'login', runs: 3, passed: 2, failed: 1, skipped: 0, passRate: 2 / 3, flaky: true, flakyInputs: ['i1'] },
      { id: 'search', runs: 2, passed: 1, failed: 1, skipped: 0, passRate: 0.5, flaky: false, flakyInputs: [] },
      { id: 'skipped', runs: 2, passed: 1, failed: 0, skipped: 1, passRate: 1, flaky: false, flakyInputs: [] },
    ]);
  });
});
