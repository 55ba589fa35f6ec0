// `kind export logs <dir> --name X` for a failed run's kind cluster: the node's journal, kubelet and containerd
// logs are the evidence of a cluster that did not come up.
import { existsSync } from 'node:fs';
import type { EvidenceDeps } from '../../evidence-types.js';
import { KindTools, kindErrorLine } from '../kind-tools.js';
import { kubeconfigPath } from '../paths.js';
import { listsCluster } from './cluster-facts.js';

/** Exports the env's cluster logs into `dir`; throws when kind does not list the cluster or exports nothing. */
export async function exportKindLogs(deps: EvidenceDeps, dir: string): Promise<void> {
  const { env, engine, runner, log, signal } = deps;
  const tools = new KindTools(runner, engine, kubeconfigPath(env.stateDir, env.cluster.name));
  const clusters = await tools.kind(['get', 'clusters'], { timeoutMs: 3_000, signal });
  log.result(clusters);
  if (!listsCluster(clusters.stdout, env.cluster.name))
    throw new Error(`kind does not list cluster ${env.cluster.name}: nothing to export`);
  const exported = await tools.kind(['export', 'logs', dir, '--name', env.cluster.name], { timeoutMs: 7_500, signal });
  log.result(exported);
  if (!exported.ok && !existsSync(dir)) throw new Error(`kind export logs failed: ${kindErrorLine(exported)}`);
}
