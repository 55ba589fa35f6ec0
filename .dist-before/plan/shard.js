function parseShard(text) {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `Expected I/N (this shard's number and the number of shards), e.g. 2/4, got \`${text}\`.`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return `Expected at least 1 shard, got \`${text}\`.`;
  if (index < 1 || index > count) return `Expected a shard number from 1 to ${count}, got \`${text}\`.`;
  return { index, count };
}
function shardTests(ids, shard) {
  const sorted = [...new Set(ids)].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
export {
  parseShard,
  shardTests
};
//# sourceMappingURL=shard.js.map
