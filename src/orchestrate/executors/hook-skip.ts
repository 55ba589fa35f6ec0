// Whether a deploy group's hook runs in this `up`. Hooks belong to an apply of their group: a warm `up` whose group
// is not applied (its deploy step cached) does not seed, migrate or load fixtures again. `after` hooks are skipped
// when their group's deploy step was cached in this run; `before` hooks, which run first, when the group is in place
// (as last applied, its `after` hooks done since, and ready), so that its deploy step will be cached too. Pure.
import type { DeployGroupSpec, Env, HookSpec } from '../../config/types.js';
import { InternalError } from '../../errors/errors.js';
import type { GroupPlace } from './target-steps.js';
import type { StepResult } from './types.js';

/** Where a hook sits: its group, its phase, and whether it is the last of that phase. */
export interface HookPosition {
  group: DeployGroupSpec;
  hook: HookSpec;
  phase: 'before' | 'after';
  last: boolean;
}

/** The hook named by a step subject `<group>/<name>`. */
export function hookPosition(env: Env, subject: string): HookPosition {
  const slash = subject.indexOf('/');
  const group = env.deploy.find((g) => g.name === subject.slice(0, slash));
  const name = subject.slice(slash + 1);
  for (const phase of ['before', 'after'] as const) {
    const hooks = group?.hooks?.[phase] ?? [];
    const index = hooks.findIndex((h) => h.name === name);
    const hook = hooks[index];
    if (group && hook) return { group, hook, phase, last: index === hooks.length - 1 };
  }
  throw new InternalError(`hook step ${subject} planned without its hook in tarmac.yaml`);
}

/** What decides a hook: its phase, its group's deploy outcome in this run (after), or whether the group is in place (before). */
export interface HookSkipInput {
  group: string;
  phase: 'before' | 'after';
  deployState?: StepResult['state'];
  place?: GroupPlace;
}

/** The reason to skip the hook (its step is then cached, with this detail), or undefined: it runs. */
export function hookSkipReason(input: HookSkipInput): string | undefined {
  if (input.phase === 'after' && input.deployState === 'cached')
    return `deploy:${input.group} was cached, not applied: after hooks run only after their group is applied`;
  if (input.phase === 'before' && input.place?.inPlace)
    return `deploy:${input.group} is in place (${input.place.detail}): before hooks run only when their group is applied`;
  return undefined;
}
