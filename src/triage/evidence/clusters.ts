// Cluster evidence: the env's cluster (kind) or network (podman), with its nodes and API reachability, as its
// target reports it (src/targets/evidence.ts).
import { targetEvidence } from '../../targets/evidence.js';
import type { ClusterFacts } from '../types.js';
import { requireEngine, type Collector } from './context.js';
import { readEachCluster } from './each-cluster.js';
import { RawLog } from './raw-log.js';

/** The env's cluster, then its suite's other clusters (see readEachCluster); needs a config and an engine. */
export const clustersCollector: Collector<ClusterFacts[]> = {
  name: 'clusters',
  applies: (ctx) => ctx.env !== undefined && ctx.engine !== undefined,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: [], raw: '' };
    await requireEngine(ctx);
    const target = targetEvidence(ctx.target ?? 'podman');
    const read = await readEachCluster(ctx, env, log, (e) =>
      target.cluster({ env: e, engine, runner: ctx.runner, log, signal }),
    );
    return { data: read.map((r) => r.value), raw: log.text() };
  },
};
