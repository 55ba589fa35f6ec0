// A suites run's memory measurement: when asked (as a suite's tests start, its env deployed), and from the first such
// request on every `everyMs`, the running containers' memory is read once and added up per suite by its clusters'
// container labels. Why not periodic from the start: before any suite's tests start the run is building and
// deploying, there is no footprint to learn yet, and each reading costs two engine calls on a busy engine. The peak
// of each suite is what history learns its footprint from. A failed read is skipped: it never fails the run.
import type { ContainerMemory } from '../engines/container-memory.js';

/** The most memory one suite's containers were seen using, and in how many measurements. */
export interface SuiteMemoryPeak {
  suite: string;
  peakBytes: number;
  samples: number;
}

export interface SuiteMemorySampler {
  /** Measures now; a call while a measurement is under way runs one more after it. */
  sample(): void;
  /** Stops measuring once a measurement under way has ended (the engine's timeout bounds it); each measured suite's peak. Idempotent. */
  stop(): Promise<SuiteMemoryPeak[]>;
}

export interface SamplerOptions {
  /** Each suite's clusters' container labels (ClusterTarget.containerLabels). */
  suites: ReadonlyMap<string, readonly Record<string, string>[]>;
  /** The running containers' memory (runningContainersMemory). */
  read: (signal: AbortSignal) => Promise<ContainerMemory[]>;
  everyMs: number;
  /** The run's signal: a cancelled run abandons the measurement under way. */
  signal: AbortSignal;
}

/** Starts the sampler; periodic measurements begin with the first `sample()`, `everyMs` after it. */
export function startSuiteMemorySampler(opts: SamplerOptions): SuiteMemorySampler {
  const peaks = new Map<string, { peakBytes: number; samples: number }>();
  let stopped = false;
  let inFlight: Promise<void> | undefined;
  let again = false;
  const measure = async (): Promise<void> => {
    const usage = await opts.read(opts.signal).catch(() => [] as ContainerMemory[]);
    for (const [suite, labelSets] of opts.suites) {
      const mine = usage.filter((c) => labelSets.some((labels) => carries(c.labels, labels)));
      if (mine.length === 0) continue;
      const bytes = mine.reduce((sum, c) => sum + c.bytes, 0);
      const known = peaks.get(suite);
      peaks.set(suite, { peakBytes: Math.max(known?.peakBytes ?? 0, bytes), samples: (known?.samples ?? 0) + 1 });
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const sample = (): void => {
    if (stopped || opts.signal.aborted) return;
    if (!timer) {
      timer = setInterval(sample, opts.everyMs);
      // A measurement must never keep tarmac alive.
      timer.unref();
    }
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = measure().finally(() => {
      inFlight = undefined;
      if (again) {
        again = false;
        sample();
      }
    });
  };
  return {
    sample,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await inFlight;
      return [...peaks].map(([suite, p]) => ({ suite, ...p }));
    },
  };
}

function carries(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  const entries = Object.entries(wanted);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}
