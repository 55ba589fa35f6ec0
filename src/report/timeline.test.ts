import { describe, expect, it } from 'vitest';
import { crashRun } from './report.test-kit.js';
import { buildTimeline } from './timeline.js';

describe('buildTimeline', () => {
  it('gives one lane per step with a bar per attempt, the wait before each, and markers', () => {
    const t = buildTimeline(crashRun(), { 'build:a': 3_000, 'build:b': 4_000 });
    expect(t.endMs).toBe(14_100);
    expect(t.lanes.map((l) => l.stepId)).toEqual(['build:a', 'build:b', 'build:c', 'deliver:b']);
    const b = t.lanes.find((l) => l.stepId === 'build:b')!;
    expect(b.attempts).toEqual([
      {
        attempt: 1,
        readyMs: 0,
        startMs: 200,
        endMs: 5_000,
        state: 'cancelled',
        detail: 'interrupted by the engine crash',
      },
      expect.objectContaining({ attempt: 2, readyMs: 5_000, startMs: 9_000, endMs: 14_000, state: 'failed' }),
    ]);
    expect(b.state).toBe('failed');
    // Running time over both attempts, against the expected 4 s.
    expect(b.actualMs).toBe(4_800 + 5_000);
    expect(b.deltaMs).toBe(9_800 - 4_000);
    expect(b.queuedMs).toBe(200 + 4_000);
    const a = t.lanes.find((l) => l.stepId === 'build:a')!;
    expect(a.actualMs).toBe(4_900 + 4_000);
    expect(a.deltaMs).toBe(8_900 - 3_000);
  });

  it('settles cached and skipped steps without bars, at the time they settled', () => {
    const t = buildTimeline(crashRun(), {});
    const cached = t.lanes.find((l) => l.stepId === 'build:c')!;
    expect(cached).toMatchObject({ state: 'cached', attempts: [], settledMs: 0 });
    expect(cached.actualMs).toBeUndefined();
    expect(t.lanes.find((l) => l.stepId === 'deliver:b')).toMatchObject({
      state: 'skipped',
      attempts: [],
      settledMs: 14_000,
      detail: 'dependency build:b failed',
    });
  });

  it('places the incident on the lanes it names and the probes on the run', () => {
    const t = buildTimeline(crashRun(), {});
    expect(t.markers.map((m) => [m.type, m.atMs, m.label, m.stepIds.length])).toEqual([
      ['incident', 5_000, 'engine-crash', 2],
      ['probe', 6_000, 'probe failed', 0],
      ['probe', 8_000, 'probe ok', 0],
    ]);
  });

  it('leaves an attempt open when the journal ends while it runs (a killed tarmac)', () => {
    const events = crashRun().filter(
      (e) =>
        !(e.type === 'step.finished' && e.stepId === 'build:b' && e.state === 'failed') && e.type !== 'run.finished',
    );
    const b = buildTimeline(events, {}).lanes.find((l) => l.stepId === 'build:b')!;
    expect(b.state).toBe('running');
    expect(b.attempts.at(-1)).toMatchObject({ attempt: 2, state: 'running' });
    expect(b.attempts.at(-1)?.endMs).toBeUndefined();
  });

  it('is empty for an empty journal', () => {
    expect(buildTimeline([], {})).toEqual({ startedAt: 0, endMs: 0, lanes: [], markers: [] });
  });
});
