// ensure(): reuse a healthy cluster (reuse: healthy), otherwise explain what is wrong, delete and recreate;
// a cluster tarmac did not create is never deleted.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { ClusterState, EnsureResult, TargetContext } from '../types.js';
import { deleteCluster } from './cluster-delete.js';
import { readStatus } from './cluster-status.js';
import { createCluster } from './create-cluster.js';
import type { KindDeps } from './kind-deps.js';
import { refuseOtherCheckout } from './owner-marker.js';

/** Creates, reuses or recreates the cluster per `cluster.reuse`, and says why. */
export async function ensureCluster(deps: KindDeps, ctx: TargetContext): Promise<EnsureResult> {
  const { state } = await readStatus(deps, ctx.signal);
  const policy = deps.env.cluster.reuse;
  if (state.exists && state.healthy && policy === 'healthy') {
    // A cluster this checkout has no record of may be another checkout's: its marker says (owner-marker.ts).
    if (!state.createdByTarmac) await refuseOtherCheckout(deps, ctx.signal);
    const reason = `healthy: ${describeNodes(state)}, /readyz ok`;
    ctx.output(`reusing kind cluster ${deps.name} (${reason})`);
    return { action: 'reused', reason };
  }
  if (!state.exists) {
    ctx.output(`creating kind cluster ${deps.name}${configNote(deps)}`);
    return { action: 'created', reason: `did not exist; created (${await createCluster(deps, ctx)})` };
  }
  const why = policy === 'never' ? 'cluster.reuse is never' : `not healthy: ${state.problems.join('; ')}`;
  if (!state.createdByTarmac) throw foreignCluster(deps.name, why);
  ctx.output(
    policy === 'never'
      ? `kind cluster ${deps.name} exists and cluster.reuse is never: deleting and recreating it`
      : `kind cluster ${deps.name} is not healthy:`,
  );
  if (policy !== 'never') for (const problem of state.problems) ctx.output(`  - ${problem}`);
  if (policy !== 'never') ctx.output('deleting and recreating it');
  await deleteCluster(deps, ctx.signal);
  await deps.records.remove(deps.name);
  const summary = await createCluster(deps, ctx);
  return { action: 'recreated', reason: `${why}: recreated (${summary})` };
}

/** CLUSTER_FOREIGN: recreating would delete a cluster tarmac did not create. */
function foreignCluster(name: string, why: string): TarmacError {
  return new TarmacError(
    'CLUSTER_FOREIGN',
    `kind cluster ${name} must be recreated (${why}), but tarmac did not create it, so it will not delete it`,
    {
      exitCode: ExitCode.environment,
      hint: `Rename cluster.name in tarmac.yaml to let tarmac create its own cluster, or delete this one yourself with \`kind delete cluster --name ${name}\`.`,
    },
  );
}

function describeNodes(state: ClusterState): string {
  const n = state.nodes.length;
  return `${n} node${n === 1 ? '' : 's'} running`;
}

function configNote(deps: KindDeps): string {
  return deps.env.cluster.kindConfig === undefined
    ? ' (kind defaults: one control-plane node)'
    : ` from ${deps.env.cluster.kindConfig}`;
}
