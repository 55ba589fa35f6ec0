// Executors for the steps that act on the target: `cluster`, `deliver:<image>` and `deploy:<group>`.
import type { ClusterTarget } from '../../targets/types.js';
import type { RenderedGroup } from '../../kube/types.js';
import type { Step } from '../../plan/types.js';
import { waitReady } from '../../kube/wait-ready.js';
import { InternalError } from '../../errors/errors.js';
import type { StepContext, StepResult } from './types.js';

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

/** `deploy:<group>`: apply, then wait for real readiness until the step's deadline. */
export async function deployGroup(
  target: ClusterTarget,
  group: RenderedGroup | undefined,
  step: Step,
  ctx: StepContext,
  envGroups: readonly RenderedGroup[] = [],
): Promise<StepResult> {
  if (!group) throw new InternalError(`no rendered manifests for deploy group ${step.subject}`);
  const started = Date.now();
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
  return { state: 'succeeded', detail: `${group.waitFor.length} workload(s) ready` };
}
