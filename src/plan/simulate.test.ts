import { describe, expect, it } from 'vitest';
import { assemblePlan, type StepDraft } from './assemble.js';
import { simulateSchedule } from './simulate.js';

const draft = (id: string, kind: StepDraft['kind'], deps: string[], engine: number, cached = false): StepDraft => ({
  id,
  kind,
  subject: id,
  deps,
  claims: { engine },
  timeoutMs: 1,
  stallMs: 1,
  retry: 'never',
  cached,
});

/** The seed's shape, scaled: builds a (w1, 2 s), b (w2, 6 s), c (w1, 2 s), then deploy (1 s) and test (0.5 s). */
function seedLike(cached: string[] = []) {
  const durations = new Map([
    ['a', 2_000],
    ['b', 6_000],
    ['c', 2_000],
    ['deploy', 1_000],
    ['test', 500],
  ]);
  return assemblePlan(
    [
      draft('a', 'build', [], 1, cached.includes('a')),
      draft('b', 'build', [], 2, cached.includes('b')),
      draft('c', 'build', [], 1, cached.includes('c')),
      draft('deploy', 'deploy', ['a', 'b', 'c'], 0),
      draft('test', 'test', ['deploy'], 0),
    ],
    durations,
  );
}

const slots = (r: ReturnType<typeof simulateSchedule>) =>
  Object.fromEntries(r.slots.map((s) => [s.id, [s.startMs, s.endMs]]));

describe('simulateSchedule (hand-computed schedules)', () => {
  it('capacity 2: the heavy build first and alone, then both light ones together', () => {
    const r = simulateSchedule(seedLike().steps, 2);
    expect(slots(r)).toEqual({
      b: [0, 6_000],
      a: [6_000, 8_000],
      c: [6_000, 8_000],
      deploy: [8_000, 9_000],
      test: [9_000, 9_500],
    });
    expect(r).toMatchObject({ setupMs: 9_000, makespanMs: 9_500, peakWeight: 2 });
  });

  it('capacity 1: everything in a row; the heavy build runs alone although it claims more than the capacity', () => {
    const r = simulateSchedule(seedLike().steps, 1);
    expect(slots(r)).toEqual({
      b: [0, 6_000],
      a: [6_000, 8_000],
      c: [8_000, 10_000],
      deploy: [10_000, 11_000],
      test: [11_000, 11_500],
    });
    expect(r).toMatchObject({ setupMs: 11_000, peakWeight: 2 });
  });

  it('capacity 3: the light builds run beside the heavy one', () => {
    const r = simulateSchedule(seedLike().steps, 3);
    expect(slots(r)).toEqual({
      b: [0, 6_000],
      a: [0, 2_000],
      c: [2_000, 4_000],
      deploy: [6_000, 7_000],
      test: [7_000, 7_500],
    });
    expect(r).toMatchObject({ setupMs: 7_000, makespanMs: 7_500, peakWeight: 3 });
  });

  it('cached steps take no time and no units', () => {
    const r = simulateSchedule(seedLike(['b']).steps, 2);
    expect(slots(r)).toMatchObject({ b: [0, 0], a: [0, 2_000], c: [0, 2_000], deploy: [2_000, 3_000] });
    expect(r.setupMs).toBe(3_000);
  });

  it('backfills a short step in front of a blocked heavy one only when it ends before the heavy one can start', () => {
    const plan = (short: number) =>
      assemblePlan(
        [
          draft('x', 'build', [], 1),
          draft('d', 'deploy', ['x'], 0),
          draft('h', 'build', [], 2),
          draft('s', 'build', [], 1),
        ],
        new Map([
          ['x', 3_000],
          ['d', 2_000],
          ['h', 4_000],
          ['s', short],
        ]),
      );
    // s (1 s) ends before x gives its unit back at 3 s: it runs at once.
    expect(slots(simulateSchedule(plan(1_000).steps, 2))).toEqual({
      x: [0, 3_000],
      s: [0, 1_000],
      h: [3_000, 7_000],
      d: [3_000, 5_000],
    });
    // s (4 s) would delay h: it waits until h is done.
    expect(slots(simulateSchedule(plan(4_000).steps, 2))).toEqual({
      x: [0, 3_000],
      h: [3_000, 7_000],
      d: [3_000, 5_000],
      s: [7_000, 11_000],
    });
  });
});
