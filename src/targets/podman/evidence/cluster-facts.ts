// Cluster evidence for the podman target: the env's network stands for the cluster and its pods for the nodes.
import { envIdentity } from '../../../config/project-identity.js';
import type { ClusterFacts } from '../../../triage/types.js';
import type { EvidenceDeps } from '../../evidence-types.js';
import { networkName } from '../names.js';
import { podmanCli } from '../podman-cli.js';
import { envStatus } from '../status.js';
import { envPods } from '../inspect.js';

/** Facts about the env's podman network and pods (no API server: `api` stays absent). */
export async function podmanClusterFacts(deps: EvidenceDeps): Promise<ClusterFacts> {
  const { env, engine, log: raw, signal } = deps;
  // Every podman call is recorded in the raw log.
  const cli = podmanCli(engine, { timeoutMs: 4_000, signal }, (result) => raw.result(result));
  const network = networkName(env.name);
  const id = envIdentity(env);
  const state = await envStatus(cli, id, network, (s) => envPods(cli, id, s), signal);
  for (const problem of state.problems) raw.note(`problem: ${problem}`);
  return {
    target: 'podman',
    name: network,
    listed: state.exists,
    createdByTarmac: state.createdByTarmac,
    nodes: state.nodes.map((n) => ({ name: n.name, state: n.state })),
  };
}
