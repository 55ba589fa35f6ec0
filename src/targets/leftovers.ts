// Leftovers of dead runs on the deploy targets, for reconcile to report only: the next `up` handles them itself
// (kind: ensure recreates a cluster whose create never finished; podman: apply replaces crashed pods).
import type { ContainerEngine } from '../engines/types.js';
import { LABEL_RUN } from '../engines/labels.js';
import { ClusterRecords, type ClusterRecord } from './kind/cluster-record.js';
import { envNameLabels } from './podman/names.js';

/** Kind clusters this env's tarmac began creating in a run that died before the create finished. */
export async function halfCreatedClusters(
  stateDir: string,
  envName: string,
  deadRuns: ReadonlySet<string>,
): Promise<ClusterRecord[]> {
  const records = await new ClusterRecords(stateDir).list();
  return records.filter((r) => r.env === envName && r.state === 'creating' && deadRuns.has(r.runId));
}

/** One line per half-created cluster. */
export function describeHalfCreated(record: ClusterRecord): string {
  return `kind cluster ${record.name}: its create (run ${record.runId}) never finished; up checks it and recreates it if it is broken`;
}

/** Containers of the env's podman pods, started by a dead run, that have exited. Found by the env name's labels:
 * the dead runs are this checkout's own (its journal), so another checkout's containers never match. */
export async function crashedPodContainers(
  engine: ContainerEngine,
  envName: string,
  deadRuns: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<{ name: string; runId: string; state: string }[]> {
  if (engine.name !== 'podman' || deadRuns.size === 0) return [];
  const containers = await engine.listContainers(envNameLabels(envName), signal);
  return containers
    .filter((c) => c.state === 'exited' && deadRuns.has(c.labels[LABEL_RUN] ?? ''))
    .map((c) => ({ name: c.names[0] ?? c.id.slice(0, 12), runId: c.labels[LABEL_RUN] ?? '', state: c.state }));
}
