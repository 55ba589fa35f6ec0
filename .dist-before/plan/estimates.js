const DEFAULT_ESTIMATE_MS = {
  build: 6e4,
  cluster: 6e4,
  deliver: 1e4,
  deploy: 3e4,
  hook: 1e4,
  test: 12e4
};
function estimateMs(step, durations) {
  if (step.cached) return 0;
  const known = durations?.get(step.id);
  if (known !== void 0 && Number.isFinite(known) && known >= 0) return known;
  const base = DEFAULT_ESTIMATE_MS[step.kind];
  return step.kind === "build" ? base * Math.max(1, step.claims.engine) : base;
}
export {
  DEFAULT_ESTIMATE_MS,
  estimateMs
};
//# sourceMappingURL=estimates.js.map
