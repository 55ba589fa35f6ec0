// Workload evidence: pods, events and logs of the env's workloads, on kind or on podman.
import type { WorkloadFacts } from '../types.js';
import { requireEngine, type Collector } from './context.js';
import { kindPods } from './kind-workloads.js';
import { podmanPods } from './podman-workloads.js';
import { RawLog } from './raw-log.js';

/** Every pod of the env; failing ones with reasons, events and log tails. */
export const workloadsCollector: Collector<WorkloadFacts> = {
  name: 'workloads',
  applies: (ctx) => ctx.env !== undefined && ctx.engine !== undefined,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: { pods: [] }, raw: '' };
    await requireEngine(ctx);
    const data: WorkloadFacts =
      ctx.target === 'kind'
        ? await kindPods(env, engine, ctx.runner, raw, signal)
        : { pods: await podmanPods(env, engine, ctx.runner, raw, signal) };
    return { data, raw: raw.text() };
  },
};
