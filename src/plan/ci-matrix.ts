// `tarmac ci matrix`: the suites spread over CI runners, balanced by learned durations. A suite longer than a fair
// share is split into test shards; suites and shards are packed together, longest first, into the least loaded job.
// Each job runs `tarmac up --pull-only --suite <suites>`, a shard named `suite@I/N`. Pure.

/** What a job of one suite costs: setup (cluster, pulls, deploys; nothing is built) and its tests. */
export interface SuiteCost {
  suite: string;
  setupMs: number;
  testMs: number;
}

/** One matrix entry. */
export interface MatrixJob {
  /** Shown as the job name. */
  name: string;
  /** For `--suite`: comma-separated suites, a shard of a split suite as `name@I/N`. */
  suites: string;
  /** Predicted duration of the job, in ms. */
  predictedMs: number;
}

export interface CiMatrix {
  include: MatrixJob[];
  /** The longest job over the mean job (1 = perfectly even). */
  balance: number;
}

/** The least share by which a split must shorten the longest job. */
const MIN_GAIN = 0.03;

/** Most shards one suite is split into. */
const MAX_SHARDS = 16;

/** Balances the suites over at most `runners` jobs: greedily splits whichever suite shortens the longest job most. */
export function ciMatrix(costs: readonly SuiteCost[], runners: number): CiMatrix {
  const shards = new Map(costs.map((c) => [c.suite, 1]));
  let jobs = layout(costs, shards, runners);
  for (;;) {
    let next: { jobs: MatrixJob[]; suite: string } | undefined;
    for (const cost of costs) {
      const n = shards.get(cost.suite)! + 1;
      if (cost.testMs <= 0 || n > MAX_SHARDS) continue;
      if (n > runners) continue;
      const trial = layout(costs, new Map(shards).set(cost.suite, n), runners);
      if (longest(trial) < longest(next?.jobs ?? jobs)) next = { jobs: trial, suite: cost.suite };
    }
    // A split repeats the setup on one more runner: worth it only when it shortens the longest job noticeably.
    if (!next || longest(next.jobs) > longest(jobs) * (1 - MIN_GAIN)) break;
    shards.set(next.suite, shards.get(next.suite)! + 1);
    jobs = next.jobs;
  }
  const mean = jobs.reduce((sum, j) => sum + j.predictedMs, 0) / Math.max(1, jobs.length);
  return { include: jobs, balance: mean > 0 ? longest(jobs) / mean : 1 };
}

const longest = (jobs: readonly MatrixJob[]): number => Math.max(0, ...jobs.map((j) => j.predictedMs));

// Every suite, or every shard of a split suite (each shard repeats the setup), is one unit; units are packed,
// longest first, into the least loaded of the runners. Two shards of one suite never share a job.
function layout(costs: readonly SuiteCost[], shards: ReadonlyMap<string, number>, runners: number): MatrixJob[] {
  const units = costs.flatMap((cost) => {
    const n = shards.get(cost.suite) ?? 1;
    return Array.from({ length: n }, (_, i) => ({
      suite: cost.suite,
      label: n === 1 ? cost.suite : `${cost.suite}@${i + 1}/${n}`,
      ms: cost.setupMs + cost.testMs / n,
    }));
  });
  units.sort((a, b) => b.ms - a.ms || a.label.localeCompare(b.label));
  const bins: (typeof units)[] = Array.from({ length: Math.max(1, Math.min(units.length, runners)) }, () => []);
  const load = (bin: typeof units): number => bin.reduce((sum, u) => sum + u.ms, 0);
  for (const unit of units) {
    const open = bins.filter((b) => !b.some((u) => u.suite === unit.suite));
    // More shards than runners cannot be placed apart; the caller rejects such a layout by its length.
    const choice = (open.length > 0 ? open : bins).reduce((least, bin) => (load(bin) < load(least) ? bin : least));
    choice.push(unit);
  }
  return bins
    .filter((b) => b.length > 0)
    .map((bin) => ({
      name: bin.map((u) => u.label).join(' + '),
      suites: bin.map((u) => u.label).join(','),
      predictedMs: Math.round(load(bin)),
    }));
}
