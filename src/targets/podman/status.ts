// What is up for the env on podman: its network (the "cluster") and its pods (the "nodes").
import type { EnvIdentity } from '../../config/project-identity.js';
import type { ClusterState } from '../types.js';
import type { PodRecordLive } from './inspect.js';
import { LABEL_PROJECT, LABEL_PROJECT_PATH, owned } from '../../engines/labels.js';
import { podmanOwnership } from './names.js';
import { inspectNetwork } from './network.js';
import type { PodmanCli } from './podman-cli.js';

/**
 * Healthy means the env network exists, is tarmac's and resolves names (DNS on). Pods that are not
 * running are listed as problems but do not make the target unhealthy: apply replaces them.
 */
export async function envStatus(
  cli: PodmanCli,
  id: EnvIdentity,
  network: string,
  /** The env's pods (the target's listing, shared with its other checks). */
  listPods: (signal?: AbortSignal) => Promise<PodRecordLive[]>,
  signal?: AbortSignal,
): Promise<ClusterState> {
  const info = await inspectNetwork(cli, network, signal);
  if (!info)
    return {
      exists: false,
      healthy: false,
      problems: [`network ${network} does not exist`],
      nodes: [],
      createdByTarmac: false,
    };
  const problems: string[] = [];
  const owner = podmanOwnership(info.labels, id);
  const ours = owned(owner);
  if (owner === 'other-checkout')
    problems.push(
      `network ${network} belongs to env ${id.env} of another checkout (${info.labels[LABEL_PROJECT_PATH] ?? `project ${info.labels[LABEL_PROJECT]}`})`,
    );
  else if (!ours)
    problems.push(
      `network ${network} was not created by tarmac (it lacks the labels io.tarmac.env=${id.env}, io.tarmac.target=podman)`,
    );
  if (!info.dnsEnabled)
    problems.push(`network ${network} has DNS disabled: pods cannot reach each other by Service name`);
  const pods = ours ? await listPods(signal) : [];
  for (const pod of pods) if (pod.status !== 'Running') problems.push(`pod ${pod.name} is ${pod.status}`);
  return {
    exists: true,
    healthy: ours && info.dnsEnabled,
    problems,
    nodes: pods.map((p) => ({ name: p.name, state: p.status })),
    createdByTarmac: ours,
  };
}

/** Only whether the env is healthy (its network is tarmac's, with DNS), as envStatus says it: no pod is listed. */
export async function envHealth(
  cli: PodmanCli,
  id: EnvIdentity,
  network: string,
  signal?: AbortSignal,
): Promise<{ healthy: boolean }> {
  const info = await inspectNetwork(cli, network, signal);
  return { healthy: info !== undefined && owned(podmanOwnership(info.labels, id)) && info.dnsEnabled };
}
