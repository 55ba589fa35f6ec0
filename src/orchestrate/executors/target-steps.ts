// Executors for the steps that act on the target: `cluster`, `deliver:<image>` and `deploy:<group>`.
import type { ClusterTarget } from '../../targets/types.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { Step } from '../../plan/types.js';
import { waitReady } from '../../kube/wait-ready.js';
import { InternalError } from '../../errors/errors.js';
import type { StepContext, StepResult } from './types.js';
import { expectationsFor } from '../../kube/expected-pods.js';
import { waitsForCondition, workloadStatuses } from '../../kube/workload-status.js';
import { applyKey, lastAppliedKey, recordApplied } from './deploy-record.js';

/** Where deploy steps remember their last successful apply (see deploy-record.ts); absent: always apply. */
export interface DeployRecords {
  stateDir: string;
  runId: string;
}

/** `cluster`: create, reuse or recreate; cached when reused. */
export async function ensureCluster(target: ClusterTarget, ctx: StepContext): Promise<StepResult> {
  const result = await target.ensure(ctx);
  return { state: result.action === 'reused' ? 'cached' : 'succeeded', detail: `${result.action}: ${result.reason}` };
}

/** `deliver:<image>`: skipped (cached) when the target already has the image; verified by the target after loading. */
export async function deliverImage(target: ClusterTarget, ref: string, ctx: StepContext): Promise<StepResult> {
  const outcome = await target.deliver(ref, ctx);
  return {
    state: outcome === 'present' ? 'cached' : 'succeeded',
    detail: outcome === 'present' ? `${ref} already there` : `${ref} delivered and verified`,
  };
}

/**
 * `deploy:<group>`: apply, then wait for real readiness until the step's deadline. Cached instead when the group's
 * apply inputs are those of its last successful apply and one status call shows every awaited workload ready.
 */
export async function deployGroup(
  target: ClusterTarget,
  group: RenderedGroup | undefined,
  step: Step,
  ctx: StepContext,
  envGroups: readonly RenderedGroup[] = [],
  records?: DeployRecords,
): Promise<StepResult> {
  if (!group) throw new InternalError(`no rendered manifests for deploy group ${step.subject}`);
  const started = Date.now();
  const key = records && applyKey(target, group, envGroups);
  if (records && key !== undefined && lastAppliedKey(records.stateDir, group.name) === key) {
    const why = await unreadyReason(target, group, ctx.signal);
    if (why === undefined)
      return { state: 'cached', detail: `manifests as last applied, ${group.waitFor.length} workload(s) ready` };
    ctx.output(`manifests as last applied, but ${why}: applying again`);
  }
  await target.apply(group, ctx, envGroups);
  // The step's timeout counts from its start, apply included: the readiness deadline (with its explanation of
  // why pods are not ready) must fire first, so it gets what apply left of the budget, less a margin.
  const deadlineMs = Math.max(1000, step.timeoutMs - (Date.now() - started) - 2000);
  await waitReady({
    group,
    pods: (signal) => target.pods(group, signal),
    deadlineMs,
    signal: ctx.signal,
    output: ctx.output,
    ...(target.condition ? { condition: target.condition.bind(target) } : {}),
  });
  if (records && key !== undefined) recordApplied(records.stateDir, group.name, key, records.runId);
  return { state: 'succeeded', detail: `${group.waitFor.length} workload(s) ready` };
}

// Why the group cannot be skipped although its manifests are unchanged, from one pod listing; undefined: it can.
// Groups awaiting nothing or an object condition are always applied: no pod listing proves they are in place.
async function unreadyReason(
  target: ClusterTarget,
  group: RenderedGroup,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (group.waitFor.length === 0) return 'the group awaits no workload';
  if (group.waitFor.some(waitsForCondition)) return 'the group awaits an object condition';
  let pods;
  try {
    pods = await target.pods(group, signal);
  } catch (error) {
    return `its pods could not be listed (${error instanceof Error ? error.message : String(error)})`;
  }
  const expected = expectationsFor(
    group.waitFor,
    group.objects.map((o) => o.object),
  );
  const unready = workloadStatuses(group.waitFor, pods, expected).find((s) => s.state !== 'ready');
  return unready && `${unready.ref.kind}/${unready.ref.name} is not ready (${unready.reason})`;
}
