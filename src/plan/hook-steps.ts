// The steps of deploy-group hooks: `before` hooks run in order ahead of the group's deploy step, `after` hooks in
// order once it is ready. A group counts as done when its last `after` hook is: groups that name it in `after`, and
// the tests, wait for that. Pure.
import type { DeployGroupSpec } from '../config/types.js';
import type { StepDraft } from './assemble.js';
import type { StepId } from './types.js';

/** The step of one hook, e.g. `hook:data/seed`. */
export const hookStepId = (group: string, hook: string): StepId => `hook:${group}/${hook}`;

/** What every step of the plan shares (stall watch, not cached). */
type StepBase = Pick<StepDraft, 'stallMs' | 'cached'>;

/** The step a group's dependants wait for: its last `after` hook, else its deploy step. */
export function groupDoneStep(group: DeployGroupSpec, deployStep: StepId): StepId {
  const last = group.hooks?.after.at(-1);
  return last ? hookStepId(group.name, last.name) : deployStep;
}

/** The step the group's deploy step must wait for: its last `before` hook, if any. */
export function lastBeforeHook(group: DeployGroupSpec): StepId | undefined {
  const last = group.hooks?.before.at(-1);
  return last ? hookStepId(group.name, last.name) : undefined;
}

/**
 * The hook steps of one group: a chain of `before` hooks starting after `firstDeps` (the cluster and the groups in
 * `after`), then a chain of `after` hooks starting after the group's deploy step. Hooks never retry: a command run
 * twice could seed twice.
 */
export function hookDrafts(
  group: DeployGroupSpec,
  base: StepBase,
  firstDeps: StepId[],
  deployStep: StepId,
): StepDraft[] {
  const drafts: StepDraft[] = [];
  const chain = (hooks: NonNullable<DeployGroupSpec['hooks']>['before'], start: StepId[]): void => {
    let deps = start;
    for (const hook of hooks) {
      const id = hookStepId(group.name, hook.name);
      drafts.push({
        ...base,
        id,
        kind: 'hook',
        subject: `${group.name}/${hook.name}`,
        deps,
        claims: { engine: 0 },
        timeoutMs: hook.timeoutMs,
        retry: 'never',
      });
      deps = [id];
    }
  };
  chain(group.hooks?.before ?? [], firstDeps);
  chain(group.hooks?.after ?? [], [deployStep]);
  return drafts;
}
