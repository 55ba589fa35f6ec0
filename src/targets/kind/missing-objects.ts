// Which of a group's objects the cluster does not have: one `kubectl get -f <List> -o name`, so a warm `up` can tell
// that a group awaiting no workload (namespaces, CRDs, RBAC, config) is still in place without applying it again.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';
import { namedBy, withListFile } from './list-file.js';
import { ownNamespaces } from './own-namespaces.js';

const NAMED = /^(\S+)\/(\S+)$/;

/** `Kind/name` of each object of the group (and of the namespaces tarmac creates for it) the cluster lacks. */
export async function missingObjects(deps: KindDeps, group: RenderedGroup, signal?: AbortSignal): Promise<string[]> {
  const objects = [...ownNamespaces(group, deps.env.name), ...group.objects].map((o) => o.object);
  return withListFile(deps.runId, group.name, 'get', objects, async (file) => {
    const result = await deps.tools.kubectl(['get', '-f', file, '-o', 'name'], {
      timeoutMs: QUICK_MS,
      ...(signal ? { signal } : {}),
    });
    // kubectl prints the objects it found and exits 1 with a NotFound line for each missing one; anything else failed.
    const notFound = result.stderr
      .split('\n')
      .filter(Boolean)
      .every((l) => l.startsWith('Error from server (NotFound)'));
    if (!result.ok && (result.stderr.trim() === '' || !notFound))
      throw new TarmacError(
        'KIND_COMMAND_FAILED',
        `kubectl get of deploy group ${group.name} failed: ${kindErrorLine(result)}`,
        {
          exitCode: ExitCode.infrastructure,
          hint: 'check the cluster with `tarmac status`',
        },
      );
    return objects.filter((o) => !namedBy(result.stdout, o, NAMED)).map((o) => `${o.kind}/${o.metadata.name}`);
  });
}
