import { describe, expect, it } from 'vitest';
import { parseShard, shardTests } from './shard.js';

describe('parseShard', () => {
  it('accepts I/N with 1 <= I <= N', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
  });

  it.each([
    ['0/2', 'from 1 to 2'],
    ['3/2', 'from 1 to 2'],
    ['1/0', 'at least 1 shard'],
    ['2', 'Expected I/N'],
    ['a/b', 'Expected I/N'],
    ['-1/2', 'Expected I/N'],
    ['1.5/2', 'Expected I/N'],
  ])('refuses %s, saying why', (text, why) => {
    const result = parseShard(text);
    expect(typeof result).toBe('string');
    expect(result).toContain(why);
    expect(result).toContain(text);
  });
});

describe('shardTests', () => {
  const ids = ['d', 'b', 'a', 'c', 'e', 'b'];

  it('deals the sorted unique ids round-robin, whatever order they are listed in', () => {
    expect(shardTests(ids, { index: 1, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(shardTests(ids, { index: 2, count: 2 })).toEqual(['b', 'd']);
    expect(shardTests([...ids].reverse(), { index: 2, count: 2 })).toEqual(['b', 'd']);
  });

  it('puts every id in exactly one shard for any shard count', () => {
    const many = Array.from({ length: 23 }, (_, i) => `test ${i}`);
    for (const count of [1, 2, 3, 5, 23, 30]) {
      const all = Array.from({ length: count }, (_, i) => shardTests(many, { index: i + 1, count })).flat();
      expect(all.sort()).toEqual([...many].sort());
    }
  });

  it('sorts by code unit, not by locale (the same split on every machine)', () => {
    expect(shardTests(['b', 'B', 'a', 'A'], { index: 1, count: 1 })).toEqual(['A', 'B', 'a', 'b']);
  });
});
