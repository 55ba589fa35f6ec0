// Which checkout made a kind cluster. kind gives no way to label its node containers, so tarmac marks the cluster
// itself: a ConfigMap `tarmac-owner` in kube-system whose data holds the env's identity labels (managed, env,
// project, project path). An `up` reads it before reusing a cluster it has no record of: another checkout's
// cluster is refused (ENV_OTHER_CHECKOUT); one without a marker (made by hand, or by an older tarmac) is reused.
import { join, dirname } from 'node:path';
import { envIdentity } from '../../config/project-identity.js';
import { LABEL_ENV, LABEL_MANAGED, LABEL_PROJECT, LABEL_PROJECT_PATH } from '../../engines/labels.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { commandFailed } from '../../exec/errors.js';
import { otherCheckoutError } from '../other-checkout.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine, QUICK_MS } from './kind-tools.js';
import { writePrivateFile } from './paths.js';

/** The marker's name and namespace (kube-system exists in every cluster and holds no workload of the project). */
export const MARKER = { name: 'tarmac-owner', namespace: 'kube-system' } as const;

/** The ConfigMap that marks the cluster as this env's, of this checkout. */
export function markerObject(deps: Pick<KindDeps, 'env'>): Record<string, unknown> {
  const id = envIdentity(deps.env);
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { ...MARKER, labels: { [LABEL_MANAGED]: 'true', [LABEL_ENV]: id.env, [LABEL_PROJECT]: id.project } },
    // A path is not a valid label value: the data holds all four, under the label keys the podman target uses.
    data: {
      [LABEL_MANAGED]: 'true',
      [LABEL_ENV]: id.env,
      [LABEL_PROJECT]: id.project,
      [LABEL_PROJECT_PATH]: id.projectPath,
    },
  };
}

/** Applies the marker to the (ready) cluster; throws KIND_COMMAND_FAILED when kubectl cannot. */
export async function writeMarker(deps: KindDeps, signal?: AbortSignal): Promise<void> {
  // Beside the private kubeconfig; `kubectl apply -f -` would do, a file keeps the call one argv.
  const file = join(dirname(deps.kubeconfig), `${deps.name}.owner.json`);
  await writePrivateFile(file, `${JSON.stringify(markerObject(deps), null, 2)}\n`);
  const result = await deps.tools.kubectl(['apply', '-f', file], { timeoutMs: QUICK_MS, signal });
  if (!result.ok)
    throw commandFailed(result, {
      code: result.cancelled ? 'CANCELLED' : 'KIND_COMMAND_FAILED',
      message: `Could not mark kind cluster ${deps.name} as this checkout's: ${kindErrorLine(result)}`,
      hint: 'The cluster answered /readyz a moment ago; check it with `tarmac status`, then run again.',
    });
}

/** The marker's data, or undefined when the cluster has none; throws when the API cannot be asked. */
export async function readMarker(deps: KindDeps, signal?: AbortSignal): Promise<Record<string, string> | undefined> {
  const args = ['get', 'configmap', MARKER.name, '-n', MARKER.namespace, '-o', 'json'];
  const result = await deps.tools.kubectl(args, { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    if (/\(NotFound\): configmaps "tarmac-owner" not found/.test(result.stderr)) return undefined;
    throw commandFailed(result, {
      code: result.cancelled ? 'CANCELLED' : 'KIND_COMMAND_FAILED',
      message: `Could not read which checkout made kind cluster ${deps.name}: ${kindErrorLine(result)}`,
      hint: 'tarmac reuses a cluster it did not create only after checking it is not another checkout’s; run again once `tarmac status` says healthy.',
    });
  }
  const data = (parseJson(result.stdout, args) as { data?: unknown } | null)?.data;
  if (data === null || typeof data !== 'object') return undefined;
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Throws ENV_OTHER_CHECKOUT when the cluster carries another checkout's marker; resolves when it may be reused. */
export async function refuseOtherCheckout(deps: KindDeps, signal?: AbortSignal): Promise<void> {
  const marker = await readMarker(deps, signal);
  const project = marker?.[LABEL_PROJECT];
  // No marker, or a marker without a project: a cluster made by hand or by an older tarmac, reused as before.
  if (project === undefined || project === envIdentity(deps.env).project) return;
  throw otherCheckoutError(`kind cluster ${deps.name}`, marker ?? {}, envIdentity(deps.env));
}

function parseJson(text: string, args: readonly string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TarmacError('KIND_COMMAND_FAILED', `\`kubectl ${args.join(' ')}\` did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause,
    });
  }
}
