// Workload evidence: pods, events and logs of the env's workloads, as its target reports them
// (src/targets/evidence.ts).
import { targetEvidence } from '../../targets/evidence.js';
import type { WorkloadFacts } from '../types.js';
import { requireEngine, type Collector } from './context.js';
import { readEachCluster } from './each-cluster.js';
import { RawLog } from './raw-log.js';

/** Every pod of the env (and of its suite's other clusters); failing ones with reasons, events and log tails. */
export const workloadsCollector: Collector<WorkloadFacts> = {
  name: 'workloads',
  applies: (ctx) => ctx.env !== undefined && ctx.engine !== undefined,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: { pods: [] }, raw: '' };
    await requireEngine(ctx);
    const target = targetEvidence(ctx.target ?? 'podman');
    const read = await readEachCluster(ctx, env, log, (e) =>
      target.workloads({ env: e, engine, runner: ctx.runner, log, signal }),
    );
    if (read.length === 1) return { data: read[0]!.value, raw: log.text() };
    // Several clusters: each pod says where it runs, so a verdict names the cluster along with the pod.
    const pods = read.flatMap((r) => r.value.pods.map((p) => ({ ...p, cluster: r.env.cluster.name })));
    const controllerEvents = read.flatMap((r) => r.value.controllerEvents ?? []);
    return { data: { pods, ...(controllerEvents.length > 0 ? { controllerEvents } : {}) }, raw: log.text() };
  },
};
