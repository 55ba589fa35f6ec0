import { describe, expect, it } from 'vitest';
import { findCycles, formatCycle } from './cycles.js';

const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

describe('findCycles', () => {
  it('finds a three-node cycle once, starting at the node listed first', () => {
    const cycles = findCycles(['a', 'b', 'c'], graph({ a: ['b'], b: ['c'], c: ['a'] }));
    expect(cycles).toEqual([['a', 'b', 'c']]);
  });

  it('rotates to file order even when the search enters the cycle elsewhere', () => {
    expect(findCycles(['x', 'b', 'a'], graph({ x: ['a'], a: ['b'], b: ['a'] }))).toEqual([['b', 'a']]);
  });

  it('finds nothing in a DAG, and ignores self-loops and unknown targets', () => {
    expect(findCycles(['a', 'b', 'c'], graph({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
    expect(findCycles(['a'], graph({ a: ['a', 'missing'] }))).toEqual([]);
  });

  it('reports separate cycles separately', () => {
    expect(findCycles(['a', 'b', 'c', 'd'], graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('formatCycle', () => {
  it('closes the loop', () => {
    expect(formatCycle(['a', 'b', 'c'])).toBe('a -> b -> c -> a');
  });
});

describe('findCycles on long chains', () => {
  it('walks a 20,000-node chain without overflowing the stack, and finds the cycle that closes it', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const chain = new Map(names.map((n, i) => [n, i + 1 < names.length ? [`n${i + 1}`] : []]));
    expect(findCycles(names, chain)).toEqual([]);
    chain.set('n19999', ['n0']);
    const cycles = findCycles(names, chain);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.[0]).toBe('n0');
    expect(cycles[0]).toHaveLength(20_000);
  });
});
