// Deletes one kind cluster with kind itself, then verifies that no node container is left.
import { rm } from 'node:fs/promises';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { kubeconfigNodeFile, nodeContainers, nodeName } from './cluster-status.js';
import type { KindDeps } from './kind-deps.js';
import { SLOW_MS } from './kind-tools.js';

/**
 * `kind delete cluster --name X --kubeconfig <private file>` (so ~/.kube/config is never edited), then checks
 * the engine: a node container still there is an error, not a success.
 */
export async function deleteCluster(deps: KindDeps, signal?: AbortSignal): Promise<void> {
  await deps.tools.mustKind(
    ['delete', 'cluster', '--name', deps.name, '--kubeconfig', deps.kubeconfig],
    `Could not delete kind cluster ${deps.name}`,
    { timeoutMs: SLOW_MS, signal },
  );
  const left = await nodeContainers(deps, signal);
  if (left.length > 0) {
    throw new TarmacError(
      'CLUSTER_DELETE_NOT_VERIFIED',
      `kind delete cluster ${deps.name} succeeded but ${left.length} node container(s) are still there: ${left.map(nodeName).join(', ')}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: `Remove them by hand: \`${deps.engine.name} rm -f ${left.map(nodeName).join(' ')}\`.`,
      },
    );
  }
  await rm(deps.kubeconfig, { force: true });
  await rm(kubeconfigNodeFile(deps.kubeconfig), { force: true });
}
