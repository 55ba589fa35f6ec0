// Where a suite's memory footprint comes from (declared, learned, default) and that the wait says so.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_MEMORY_BYTES, footprintSourceText, suiteFootprint } from './suite-footprint.js';
import { planSuites } from './suites-plan.js';
import { GiB, suitesEnv } from './suites.test-kit.js';

const base = { target: 'kind', cachedImages: new Set<string>(), withTest: true } as const;

describe('suite footprints', () => {
  const env = suitesEnv(
    ['api'],
    [
      { name: 'declared', images: ['api'], memoryBytes: 2 * GiB },
      { name: 'learned', images: ['api'] },
      { name: 'fleet', images: ['api'], clusters: { hub: ['a'], spoke: ['b'] } },
    ],
  );
  const [declared, learned, fleet] = env.suites!;
  const history = new Map([
    ['declared', { bytes: 5 * GiB, runs: 4 }],
    ['learned', { bytes: 3 * GiB, runs: 3 }],
  ]);

  it('takes the declared memory over what history learned', () => {
    expect(suiteFootprint(declared!, history)).toEqual({ bytes: 2 * GiB, source: { from: 'declared' } });
  });

  it('takes what history learned when nothing is declared, with the number of runs', () => {
    expect(suiteFootprint(learned!, history)).toEqual({ bytes: 3 * GiB, source: { from: 'learned', runs: 3 } });
    expect(footprintSourceText({ from: 'learned', runs: 3 })).toBe('learned from 3 runs');
    expect(footprintSourceText({ from: 'learned', runs: 1 })).toBe('learned from 1 run');
  });

  it('falls back to the default per cluster only without history', () => {
    expect(suiteFootprint(fleet!, history)).toEqual({
      bytes: 2 * DEFAULT_CLUSTER_MEMORY_BYTES,
      source: { from: 'default' },
    });
    expect(suiteFootprint(learned!, new Map())).toEqual({ bytes: GiB, source: { from: 'default' } });
    expect(footprintSourceText({ from: 'default' })).toBe('default: 1.0 GiB per cluster');
  });

  it('says in the wait where the waiting suite footprint came from', () => {
    const tight = suitesEnv(
      ['api'],
      [
        { name: 'a', images: ['api'], memoryBytes: 3 * GiB },
        { name: 'b', images: ['api'] },
      ],
      { memoryBytes: 4 * GiB },
    );
    const learnedB = new Map([['b', { bytes: 2 * GiB, runs: 5 }]]);
    const { waits, footprintSources } = planSuites(tight, {
      ...base,
      suites: ['a', 'b'],
      learnedFootprints: learnedB,
    });
    expect(footprintSources.get('b')).toEqual({ from: 'learned', runs: 5 });
    expect(waits.map((w) => w.reason)).toEqual([
      'b needs 2.0 GiB of memory (learned from 5 runs); 3.0 GiB held by a of the 4.0 GiB budget; it starts after a',
    ]);
  });
});
