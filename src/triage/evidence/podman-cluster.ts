// Cluster evidence for the podman target: the env's network stands for the cluster and its pods for the nodes.
import type { Env } from '../../config/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { Runner } from '../../exec/types.js';
import { networkName } from '../../targets/podman/names.js';
import { podmanCli } from '../../targets/podman/podman-cli.js';
import { envStatus } from '../../targets/podman/status.js';
import type { ClusterFacts } from '../types.js';
import type { RawLog } from './raw-log.js';

/** Facts about the env's podman network and pods (no API server: `api` stays absent). */
export async function podmanClusterFacts(
  env: Env,
  engine: ContainerEngine,
  runner: Runner,
  raw: RawLog,
  signal: AbortSignal,
): Promise<ClusterFacts> {
  // Every podman call is recorded in the raw log through the runner.
  const recording: Runner = async (cmd, args, options) => {
    const result = await runner(cmd, args, { ...options, timeoutMs: 4_000, signal });
    raw.result(result);
    return result;
  };
  const network = networkName(env.name);
  const state = await envStatus(podmanCli(engine, recording), env.name, network, signal);
  for (const problem of state.problems) raw.note(`problem: ${problem}`);
  return {
    target: 'podman',
    name: network,
    listed: state.exists,
    createdByTarmac: state.createdByTarmac,
    nodes: state.nodes.map((n) => ({ name: n.name, state: n.state })),
  };
}
