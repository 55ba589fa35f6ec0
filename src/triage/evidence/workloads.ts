// Workload evidence: pods, events and logs of the env's workloads, as its target reports them
// (src/targets/evidence.ts).
import { targetEvidence } from '../../targets/evidence.js';
import type { WorkloadFacts } from '../types.js';
import { requireEngine, type Collector } from './context.js';
import { RawLog } from './raw-log.js';

/** Every pod of the env; failing ones with reasons, events and log tails. */
export const workloadsCollector: Collector<WorkloadFacts> = {
  name: 'workloads',
  applies: (ctx) => ctx.env !== undefined && ctx.engine !== undefined,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: { pods: [] }, raw: '' };
    await requireEngine(ctx);
    const data = await targetEvidence(ctx.target ?? 'podman').workloads({
      env,
      engine,
      runner: ctx.runner,
      log,
      signal,
    });
    return { data, raw: log.text() };
  },
};
