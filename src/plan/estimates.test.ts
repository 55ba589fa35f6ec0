import { describe, expect, it } from 'vitest';
import { DEFAULT_ESTIMATE_MS, estimateMs } from './estimates.js';

const build = (engine: number, cached = false) => ({
  id: 'build:x',
  kind: 'build' as const,
  claims: { engine },
  cached,
});

describe('estimateMs', () => {
  it('scales the build default with the weight', () => {
    expect(estimateMs(build(1))).toBe(60_000);
    expect(estimateMs(build(3))).toBe(180_000);
  });

  it('uses the recorded duration when history has one', () => {
    expect(estimateMs(build(3), new Map([['build:x', 4_200]]))).toBe(4_200);
    expect(estimateMs(build(1), new Map([['build:other', 4_200]]))).toBe(60_000);
  });

  it('ignores nonsense durations', () => {
    expect(estimateMs(build(1), new Map([['build:x', -5]]))).toBe(60_000);
    expect(estimateMs(build(1), new Map([['build:x', Number.NaN]]))).toBe(60_000);
  });

  it('is 0 for cached steps, whatever history says', () => {
    expect(estimateMs(build(2, true), new Map([['build:x', 4_200]]))).toBe(0);
  });

  it('does not scale non-build kinds by their claim', () => {
    expect(estimateMs({ id: 'cluster:create', kind: 'cluster', claims: { engine: 2 }, cached: false })).toBe(
      DEFAULT_ESTIMATE_MS.cluster,
    );
  });
});
