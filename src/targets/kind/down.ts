// down(): deletes the kind clusters this env's tarmac created (per its record, and only while they are still the
// ones it created), their private kubeconfigs and left-over delivery archives; reports what it kept.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DownReport } from '../types.js';
import { deleteCluster } from './cluster-delete.js';
import { stillOurs, type ClusterRecord } from './cluster-record.js';
import { clusterListed, kubeconfigNodeFile, nodeContainers } from './cluster-status.js';
import type { KindDeps } from './kind-deps.js';
import { forwardsPath, isArchiveOf, kubeconfigPath } from './paths.js';

/** Removes what tarmac created for this env, and nothing else. */
export async function downClusters(deps: KindDeps, signal?: AbortSignal): Promise<DownReport> {
  const report: DownReport = { removed: [], keptForeign: [] };
  const recorded = (await deps.records.list()).filter((r) => r.env === deps.env.name).map((r) => r.name);
  // The configured name too: a foreign cluster of that name is reported as kept.
  for (const name of [...new Set([deps.name, ...recorded])]) await downOne(withName(deps, name), report, signal);
  return report;
}

async function downOne(deps: KindDeps, report: DownReport, signal?: AbortSignal): Promise<void> {
  const record = await deps.records.get(deps.name);
  const nodes = await nodeContainers(deps, signal);
  const exists = nodes.length > 0 || (await clusterListed(deps, signal));
  const ours =
    record !== undefined &&
    record.env === deps.env.name &&
    stillOurs(
      record,
      nodes.map((n) => n.id),
    );
  if (exists && ours) {
    await deleteCluster(deps, signal);
    report.removed.push(`kind cluster ${deps.name}`);
  } else if (exists) {
    report.keptForeign.push(`kind cluster ${deps.name} (${foreignReason(deps, record)})`);
  }
  // The record describes a cluster that is gone now (deleted above, or replaced by a foreign one).
  if (record?.env === deps.env.name) await deps.records.remove(deps.name);
  // The kept port-forward ports live as long as the env: they go with it.
  // The kubeconfig's node id (cluster-status.ts) is part of it, not worth a line of the report.
  await rm(kubeconfigNodeFile(deps.kubeconfig), { force: true });
  for (const file of [deps.kubeconfig, forwardsPath(deps.stateDir, deps.name)]) {
    if (!existsSync(file)) continue;
    await rm(file, { force: true });
    report.removed.push(file);
  }
  // Archives of a cluster another checkout (or someone) runs may be its deliveries in flight: left alone too.
  if (exists && !ours) return;
  for (const file of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!isArchiveOf(file, deps.name)) continue;
    await rm(join(tmpdir(), file), { force: true });
    report.removed.push(join(tmpdir(), file));
  }
}

function foreignReason(deps: KindDeps, record: ClusterRecord | undefined): string {
  if (record === undefined) return 'tarmac did not create it';
  if (record.env !== deps.env.name) return `created by tarmac env ${record.env}, not ${deps.env.name}`;
  return 'its node containers are not the ones tarmac created: someone recreated it';
}

/** The same deps for another cluster name (its own private kubeconfig). */
function withName(deps: KindDeps, name: string): KindDeps {
  return name === deps.name
    ? deps
    : {
        ...deps,
        name,
        kubeconfig: kubeconfigPath(deps.stateDir, name),
        tools: deps.tools.forKubeconfig(kubeconfigPath(deps.stateDir, name)),
      };
}
