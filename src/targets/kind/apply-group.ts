// apply(): the group's objects in Helm's install order, each phase one `kubectl apply -f <temp file>` checked for
// every object; first the namespaces tarmac creates, and custom resources only once their CRDs are established.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { applyPhases } from '../../kube/apply-order.js';
import type { KubeObject, RenderedGroup, SourcedObject } from '../../kube/types.js';
import type { TargetContext } from '../types.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine } from './kind-tools.js';
import { namedBy, withListFile } from './list-file.js';
import { ownNamespaces } from './own-namespaces.js';

const APPLY_TIMEOUT_MS = 120_000;
const ESTABLISHED_TIMEOUT_S = 60;
const APPLIED = /^(\S+)\/(\S+) (created|configured|unchanged|serverside-applied)\b/;

/** Applies the group phase by phase (kube/apply-order.ts), each as one v1 List, verifying kubectl named each object. */
export async function applyGroup(deps: KindDeps, group: RenderedGroup, ctx: TargetContext): Promise<void> {
  const phases = applyPhases(group.objects);
  const namespaces = ownNamespaces(group, deps.env.name);
  for (const [index, phase] of phases.entries()) {
    if (phase.afterEstablished.length > 0) await waitEstablished(deps, group, phase.afterEstablished, ctx);
    await applyObjects(deps, group, index === 0 ? [...namespaces, ...phase.objects] : phase.objects, ctx);
  }
}

async function applyObjects(
  deps: KindDeps,
  group: RenderedGroup,
  objects: SourcedObject[],
  ctx: TargetContext,
): Promise<void> {
  await withListFile(
    deps.runId,
    group.name,
    'apply',
    objects.map((o) => o.object),
    async (file) => {
      const result = await deps.tools.kubectl(['apply', '-f', file], {
        timeoutMs: APPLY_TIMEOUT_MS,
        signal: ctx.signal,
        onLine: ctx.output,
      });
      if (!result.ok) {
        throw new TarmacError(
          'DEPLOY_APPLY_FAILED',
          `kubectl apply of deploy group ${group.name} failed: ${kindErrorLine(result)}`,
          {
            exitCode: ExitCode.infrastructure,
            hint: `The manifests come from ${sourceFiles(group)}; fix the object kubectl names, or check the cluster with \`tarmac status\`.`,
            details: result.tail.slice(-10),
          },
        );
      }
      const missing = objects.map((o) => o.object).filter((object) => !namedBy(result.stdout, object, APPLIED));
      if (missing.length > 0) {
        throw new TarmacError(
          'DEPLOY_APPLY_NOT_VERIFIED',
          `kubectl apply of deploy group ${group.name} exited 0 but did not report ${missing.map(describe).join(', ')}`,
          {
            exitCode: ExitCode.infrastructure,
            details: result.tail.slice(-10),
            hint: 'kubectl skipped objects it did not understand: check their apiVersion and kind.',
          },
        );
      }
    },
  );
}

// Custom resources of a CRD applied in the same breath are refused ("no matches for kind") until it is Established.
async function waitEstablished(
  deps: KindDeps,
  group: RenderedGroup,
  crds: string[],
  ctx: TargetContext,
): Promise<void> {
  const result = await deps.tools.kubectl(
    [
      'wait',
      '--for',
      'condition=Established',
      ...crds.map((name) => `crd/${name}`),
      `--timeout=${ESTABLISHED_TIMEOUT_S}s`,
    ],
    { timeoutMs: (ESTABLISHED_TIMEOUT_S + 15) * 1000, signal: ctx.signal, onLine: ctx.output },
  );
  if (result.ok) return;
  throw new TarmacError(
    'DEPLOY_APPLY_FAILED',
    `deploy group ${group.name}: CustomResourceDefinition ${crds.join(', ')} not established: ${kindErrorLine(result)}`,
    {
      exitCode: ExitCode.infrastructure,
      hint: `Its custom resources are applied once the API server serves their kinds; check the CRD with \`kubectl get crd ${crds[0] ?? ''} -o yaml\` (status.conditions).`,
      details: result.tail.slice(-10),
    },
  );
}

function describe(object: KubeObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

function sourceFiles(group: RenderedGroup): string {
  return [...new Set(group.objects.map((o) => o.file))].join(', ');
}
