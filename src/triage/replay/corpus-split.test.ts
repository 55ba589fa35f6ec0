import { describe, expect, it } from 'vitest';
import { addToSplit, newSplit } from './corpus-split.js';

const SEED = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const cases = [
  ...['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => ({ id, category: 'dns' })),
  ...['b1', 'b2'].map((id) => ({ id, category: 'tls' })),
];
const at = new Date('2026-01-01T00:00:00Z');

function halves(cases: Record<string, string>, ids: string[]): { dev: number; test: number } {
  return {
    dev: ids.filter((id) => cases[id] === 'dev').length,
    test: ids.filter((id) => cases[id] === 'test').length,
  };
}

describe('corpus split', () => {
  it('places every case once, each category about half and half, the same way for the same seed', () => {
    const split = newSplit(SEED, cases, at);
    expect(Object.keys(split.cases).sort()).toEqual(cases.map((c) => c.id).sort());
    const dns = halves(split.cases, ['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(Math.abs(dns.dev - dns.test)).toBe(1);
    expect(halves(split.cases, ['b1', 'b2'])).toEqual({ dev: 1, test: 1 });
    expect(newSplit(SEED, cases, at).cases).toEqual(split.cases);
    expect(split.seed).toBe(SEED);
  });

  it('--add places only new cases, never moves an existing one, and fills the smaller half first', () => {
    const split = newSplit(SEED, cases, at);
    const more = [...cases, { id: 'a6', category: 'dns' }];
    const { split: after, added } = addToSplit(split, OTHER, more, at);
    expect(added).toEqual(['a6']);
    for (const c of cases) expect(after.cases[c.id]).toBe(split.cases[c.id]);
    expect(halves(after.cases, ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])).toEqual({ dev: 3, test: 3 });
    expect(after.additions).toEqual([{ seed: OTHER, at: at.toISOString(), ids: ['a6'] }]);
    expect(addToSplit(after, OTHER, more, at).added).toEqual([]);
  });
});
