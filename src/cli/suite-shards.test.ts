// `--suite a,b@I/N` and `--suite a --shard I/N`: which suite runs which shard, and what has no meaning.
import { describe, expect, it } from 'vitest';
import { suiteShards } from './suite-shards.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('suiteShards', () => {
  it('reads the ci matrix form: plain suites run everything, suite@I/N its shard', () => {
    const { names, shards } = suiteShards(['storage', 'fleet@2/3']);
    expect(names).toEqual(['storage', 'fleet']);
    expect([...shards]).toEqual([['fleet', { index: 2, count: 3 }]]);
  });

  it('gives --shard to the one suite named', () => {
    expect([...suiteShards(['fleet'], { shard: { index: 1, count: 2 } }).shards]).toEqual([
      ['fleet', { index: 1, count: 2 }],
    ]);
  });

  it('refuses --shard with several suites, --all, or beside an @I/N', () => {
    const shard = { index: 1, count: 2 };
    expect(codeOf(() => suiteShards(['storage', 'fleet'], { shard }))).toBe('SUITE_SHARD_AMBIGUOUS');
    expect(codeOf(() => suiteShards([], { shard, all: true }))).toBe('SUITE_SHARD_AMBIGUOUS');
    expect(codeOf(() => suiteShards(['fleet@1/2'], { shard }))).toBe('SUITE_SHARD_AMBIGUOUS');
  });

  it('refuses a bad @I/N and a suite named twice', () => {
    expect(codeOf(() => suiteShards(['fleet@3/2']))).toBe('SUITE_SHARD_INVALID');
    expect(codeOf(() => suiteShards(['fleet@x']))).toBe('SUITE_SHARD_INVALID');
    expect(codeOf(() => suiteShards(['fleet@1/2', 'fleet@2/2']))).toBe('SUITE_SHARD_INVALID');
  });
});
