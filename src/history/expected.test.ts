import { describe, expect, it } from 'vitest';
import { readExpectedDurations, readLearnedDurations } from './expected.js';
import { recordRun, tempHistoryPath, upRun } from './history.test-kit.js';

const T0 = 1_700_000_000_000;

/** Scales one run's durations of build:b. */
function withB(events: ReturnType<typeof upRun>, ms: number): ReturnType<typeof upRun> {
  return events.map((e) => (e.type === 'step.finished' && e.stepId === 'build:b' ? { ...e, durationMs: ms } : e));
}

describe('readExpectedDurations', () => {
  it('is {} when the history file does not exist', () => {
    expect(readExpectedDurations('/nonexistent/dir/history.db', 'shop')).toEqual({});
  });

  it('takes the median of succeeded, non-cached runs of each step of the env', () => {
    const path = tempHistoryPath();
    recordRun(path, 'shop', withB(upRun('r1', T0), 6_000));
    recordRun(path, 'shop', withB(upRun('r2', T0 + 60_000), 8_000));
    recordRun(path, 'shop', withB(upRun('r3', T0 + 120_000), 30_000));
    // Cached and failed runs of a step say nothing about its duration; nor do other envs.
    recordRun(path, 'shop', upRun('r4', T0 + 180_000, { bCached: true, testFails: true }));
    recordRun(path, 'other', withB(upRun('o1', T0), 1));
    const expected = readExpectedDurations(path, 'shop');
    expect(expected).toEqual({ 'build:a': 4_000, 'build:b': 8_000, 'deploy:app': 1_000, test: 2_000 });
    expect(readExpectedDurations(path, 'shop', { excludeRunId: 'r3' })['build:b']).toBe(7_000);
    // The planner also learns what a step takes when it is found done at run time (the cluster here: 200 ms, never created).
    expect(expected.cluster).toBeUndefined();
    expect(readLearnedDurations(path, 'shop')).toEqual({ ...expected, cluster: 200 });
  });
});
