// `kind export logs <runDir>/kind-logs --name X` for a failed run's kind cluster, taken before anything deletes
// it: the node's journal, kubelet and containerd logs are the evidence of a cluster that did not come up.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KindTools, kindErrorLine } from '../../targets/kind/kind-tools.js';
import { kubeconfigPath } from '../../targets/kind/paths.js';
import type { KindLogsFacts } from '../types.js';
import type { Collector } from './context.js';
import { listsCluster } from './kind-cluster.js';
import { RawLog } from './raw-log.js';

/** Applies only to a failed run on kind with a run dir; exports nothing when the cluster does not exist. */
export const kindLogsCollector: Collector<KindLogsFacts> = {
  name: 'kindLogs',
  timeoutMs: 8_000,
  applies: (ctx) =>
    ctx.target === 'kind' &&
    ctx.runFailed &&
    ctx.runDir !== undefined &&
    ctx.env !== undefined &&
    ctx.engine !== undefined,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const { env, engine, runDir } = ctx;
    if (!env || !engine || !runDir) throw new Error('not applicable');
    const dir = join(runDir, 'kind-logs');
    // A re-triage must not overwrite what was taken at the failure (the cluster may be gone or different now).
    if (existsSync(dir)) {
      raw.note(`${dir} exists already (taken at the failure); not exported again`);
      return { data: { dir }, raw: raw.text() };
    }
    const tools = new KindTools(ctx.runner, engine, kubeconfigPath(env.stateDir, env.cluster.name));
    const clusters = await tools.kind(['get', 'clusters'], { timeoutMs: 3_000, signal });
    raw.result(clusters);
    if (!listsCluster(clusters.stdout, env.cluster.name))
      throw new Error(`kind does not list cluster ${env.cluster.name}: nothing to export`);
    const exported = await tools.kind(['export', 'logs', dir, '--name', env.cluster.name], {
      timeoutMs: 7_500,
      signal,
    });
    raw.result(exported);
    if (!exported.ok && !existsSync(dir)) throw new Error(`kind export logs failed: ${kindErrorLine(exported)}`);
    return { data: { dir }, raw: raw.text() };
  },
};
