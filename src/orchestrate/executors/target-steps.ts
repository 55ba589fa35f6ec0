// Executors for the steps that act on the target: `cluster`, `deliver:<image>` and `deploy:<group>`.
import type { ClusterTarget } from '../../targets/types.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { Step } from '../../plan/types.js';
import { waitReady } from '../../kube/wait-ready.js';
import { InternalError } from '../../errors/errors.js';
import type { StepContext, StepResult } from './types.js';
import { expectationsFor } from '../../kube/expected-pods.js';
import { waitsForCondition, workloadStatuses } from '../../kube/workload-status.js';
import type { DeployGroupSpec } from '../../config/types.js';
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
 * `deploy:<group>`: apply, then wait for real readiness until the step's deadline. Cached instead when the group is
 * in place (see groupInPlace). `hooks`: the group's hooks, part of what its apply record depends on.
 */
export async function deployGroup(
  target: ClusterTarget,
  group: RenderedGroup | undefined,
  step: Step,
  ctx: StepContext,
  envGroups: readonly RenderedGroup[] = [],
  records?: DeployRecords,
  hooks?: DeployGroupSpec['hooks'],
): Promise<StepResult> {
  if (!group) throw new InternalError(`no rendered manifests for deploy group ${step.subject}`);
  const started = Date.now();
  if (records) {
    const place = await groupInPlace(target, group, envGroups, records, ctx.signal, hooks);
    if (place.inPlace) return { state: 'cached', detail: place.detail };
    if (place.why) ctx.output(`manifests as last applied, but ${place.why}: applying again`);
  }
  await target.apply(group, ctx, envGroups);
  // The step's timeout counts from its start, apply included: the readiness deadline (with its explanation of
  // why pods are not ready) must fire first, so it gets what apply left of the budget, less a margin.
  const deadlineMs = Math.max(1000, step.timeoutMs - (Date.now() - started) - 2000);
  // The first poll may answer from what apply read to verify its plays (read after them); every later one reads live.
  let polls = 0;
  await waitReady({
    group,
    pods: (signal) => target.pods(group, signal, polls++ === 0 ? 'shared' : 'live'),
    deadlineMs,
    signal: ctx.signal,
    output: ctx.output,
    ...(target.condition ? { condition: target.condition.bind(target) } : {}),
  });
  if (records) {
    const key = applyKey(target, group, envGroups, hooks);
    recordApplied(records.stateDir, group.name, key, records.runId, (hooks?.after.length ?? 0) > 0);
  }
  return { state: 'succeeded', detail: `${group.waitFor.length} workload(s) ready` };
}

/** Whether a group needs no apply; `why` says what stops a group with unchanged manifests from counting. */
export type GroupPlace = { inPlace: true; detail: string } | { inPlace: false; why?: string };

/**
 * A group is in place when its apply inputs are those of its last successful apply (its `after` hooks included) and
 * one status call shows every awaited workload ready.
 */
export async function groupInPlace(
  target: ClusterTarget,
  group: RenderedGroup,
  envGroups: readonly RenderedGroup[],
  records: DeployRecords,
  signal: AbortSignal,
  hooks?: DeployGroupSpec['hooks'],
): Promise<GroupPlace> {
  if (lastAppliedKey(records.stateDir, group.name) !== applyKey(target, group, envGroups, hooks))
    return { inPlace: false };
  const why = await unreadyReason(target, group, signal);
  if (why !== undefined) return { inPlace: false, why };
  const detail =
    group.waitFor.length === 0
      ? `manifests as last applied, ${group.objects.length} object(s) in place`
      : `manifests as last applied, ${group.waitFor.length} workload(s) ready`;
  return { inPlace: true, detail };
}

// Why the group cannot be skipped although its manifests are unchanged, from one status call; undefined: it can.
// A group awaiting no workload is in place when the target still has its objects; one awaiting an object condition
// is always applied: no pod listing proves it is met.
async function unreadyReason(
  target: ClusterTarget,
  group: RenderedGroup,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (group.waitFor.length === 0) return missingReason(target, group, signal);
  if (group.waitFor.some(waitsForCondition)) return 'the group awaits an object condition';
  let pods;
  try {
    pods = await target.pods(group, signal, 'shared');
  } catch (error) {
    return `its pods could not be listed (${errorText(error)})`;
  }
  const expected = expectationsFor(
    group.waitFor,
    group.objects.map((o) => o.object),
  );
  const unready = workloadStatuses(group.waitFor, pods, expected).find((s) => s.state !== 'ready');
  return unready && `${unready.ref.kind}/${unready.ref.name} is not ready (${unready.reason})`;
}

async function missingReason(target: ClusterTarget, group: RenderedGroup, signal: AbortSignal) {
  if (!target.missingObjects) return 'the group awaits no workload';
  try {
    const missing = await target.missingObjects(group, signal);
    return missing.length === 0 ? undefined : `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
  } catch (error) {
    return `its objects could not be listed (${errorText(error)})`;
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
