// Sharding the test suite: `--shard I/N` and the deterministic split of a sorted test-id list. Pure.

/** One shard of N: `index` is 1-based (1 ≤ index ≤ count). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (whole numbers, 1 ≤ I ≤ N); returns the reason as an error string when it is not. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `Expected I/N (this shard's number and the number of shards), e.g. 2/4, got \`${text}\`.`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return `Expected at least 1 shard, got \`${text}\`.`;
  if (index < 1 || index > count) return `Expected a shard number from 1 to ${count}, got \`${text}\`.`;
  return { index, count };
}

/**
 * The ids this shard runs: the unique ids sorted by code unit (not locale, so every machine agrees),
 * dealt round-robin over the shards. Every id lands in exactly one shard; shard sizes differ by at most one.
 */
export function shardTests(ids: readonly string[], shard: Shard): string[] {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
