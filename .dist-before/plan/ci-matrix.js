const MIN_GAIN = 0.03;
const MAX_SHARDS = 16;
function ciMatrix(costs, runners) {
  const shards = new Map(costs.map((c) => [c.suite, 1]));
  let jobs = layout(costs, shards, runners);
  for (; ; ) {
    let next;
    for (const cost of costs) {
      const n = shards.get(cost.suite) + 1;
      if (cost.testMs <= 0 || n > MAX_SHARDS) continue;
      if (n > runners) continue;
      const trial = layout(costs, new Map(shards).set(cost.suite, n), runners);
      if (longest(trial) < longest(next?.jobs ?? jobs)) next = { jobs: trial, suite: cost.suite };
    }
    if (!next || longest(next.jobs) > longest(jobs) * (1 - MIN_GAIN)) break;
    shards.set(next.suite, shards.get(next.suite) + 1);
    jobs = next.jobs;
  }
  const mean = jobs.reduce((sum, j) => sum + j.predictedMs, 0) / Math.max(1, jobs.length);
  return { include: jobs, balance: mean > 0 ? longest(jobs) / mean : 1 };
}
const longest = (jobs) => Math.max(0, ...jobs.map((j) => j.predictedMs));
function layout(costs, shards, runners) {
  const units = costs.flatMap((cost) => {
    const n = shards.get(cost.suite) ?? 1;
    return Array.from({ length: n }, (_, i) => ({
      suite: cost.suite,
      label: n === 1 ? cost.suite : `${cost.suite}@${i + 1}/${n}`,
      ms: cost.setupMs + cost.testMs / n
    }));
  });
  units.sort((a, b) => b.ms - a.ms || a.label.localeCompare(b.label));
  const bins = Array.from({ length: Math.max(1, Math.min(units.length, runners)) }, () => []);
  const load = (bin) => bin.reduce((sum, u) => sum + u.ms, 0);
  for (const unit of units) {
    const open = bins.filter((b) => !b.some((u) => u.suite === unit.suite));
    const choice = (open.length > 0 ? open : bins).reduce((least, bin) => load(bin) < load(least) ? bin : least);
    choice.push(unit);
  }
  return bins.filter((b) => b.length > 0).map((bin) => ({
    name: bin.map((u) => u.label).join(" + "),
    suites: bin.map((u) => u.label).join(","),
    predictedMs: Math.round(load(bin))
  }));
}
export {
  ciMatrix
};
//# sourceMappingURL=ci-matrix.js.map
