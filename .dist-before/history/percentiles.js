function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(100, Math.max(0, p)) / 100 * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}
function median(values) {
  return percentile(values, 50);
}
export {
  median,
  percentile
};
//# sourceMappingURL=percentiles.js.map
