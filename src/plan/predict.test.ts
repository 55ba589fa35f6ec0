import { describe, expect, it } from 'vitest';
import { assemblePlan, type StepDraft } from './assemble.js';
import { DEFAULT_ESTIMATE_MS } from './estimates.js';
import { predictPlan } from './predict.js';

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

describe('predictPlan', () => {
  it('says where each estimate comes from and predicts setup per capacity', () => {
    const durations = new Map([
      ['build:a', 3_000],
      ['test', 9_000],
    ]);
    const plan = assemblePlan(
      [
        draft('build:a', 'build', [], 1),
        draft('build:b', 'build', [], 1),
        draft('build:c', 'build', [], 1, true),
        draft('test', 'test', ['build:a', 'build:b', 'build:c'], 0),
      ],
      durations,
    );
    const p = predictPlan(plan, durations, [1, 2]);
    expect(Object.fromEntries(p.steps.map((s) => [s.id, [s.source, s.estimateMs]]))).toEqual({
      'build:a': ['history', 3_000],
      'build:b': ['default', DEFAULT_ESTIMATE_MS.build],
      'build:c': ['cached', 0],
      test: ['history', 9_000],
    });
    // Capacity 1: b (60 s, higher priority) then a (3 s); capacity 2: both at once.
    expect(p.predictions).toEqual([
      { capacity: 1, setupMs: 63_000, makespanMs: 72_000, peakWeight: 1 },
      { capacity: 2, setupMs: 60_000, makespanMs: 69_000, peakWeight: 2 },
    ]);
    expect(p.criticalPath).toEqual(['build:b', 'test']);
    expect(p.criticalPathMs).toBe(69_000);
  });
});
