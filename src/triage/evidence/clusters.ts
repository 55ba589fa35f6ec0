// Cluster evidence: the env's kind cluster or podman network, with its nodes and API reachability.
import type { ClusterFacts } from '../types.js';
import { requireEngine, type Collector } from './context.js';
import { kindClusterFacts } from './kind-cluster.js';
import { podmanClusterFacts } from './podman-cluster.js';
import { RawLog } from './raw-log.js';

/** The env's cluster (one entry); needs a config and an engine. */
export const clustersCollector: Collector<ClusterFacts[]> = {
  name: 'clusters',
  applies: (ctx) => ctx.env !== undefined && ctx.engine !== undefined,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const env = ctx.env;
    const engine = ctx.engine;
    if (!env || !engine) return { data: [], raw: '' };
    await requireEngine(ctx);
    const facts =
      ctx.target === 'kind'
        ? await kindClusterFacts(env, engine, ctx.runner, raw, signal)
        : await podmanClusterFacts(env, engine, ctx.runner, raw, signal);
    return { data: [facts], raw: raw.text() };
  },
};
