// A deploy group's `hooks:` as written -> HookSpecs: names filled in, paths absolute, timeouts in ms.
import { DEFAULT_HOOK_TIMEOUT_MS } from './hook-schema.js';
import type { ConfigOutput } from './schema.js';
import type { HookSpec } from './types.js';

type HooksOutput = NonNullable<ConfigOutput['deploy'][number]['hooks']>;

/** Both phases' hooks; an unnamed hook is `before-N` / `after-N` (1-based, by its place in the list). */
export function normaliseHooks(
  hooks: HooksOutput,
  at: (p: string) => string,
): { before: HookSpec[]; after: HookSpec[] } {
  const phase = (list: HooksOutput['before'], when: 'before' | 'after'): HookSpec[] =>
    list.map((hook, index) => ({
      name: hook.name ?? `${when}-${index + 1}`,
      command: hook.command,
      env: hook.env,
      cwd: at(hook.cwd ?? '.'),
      timeoutMs: hook.timeout ?? DEFAULT_HOOK_TIMEOUT_MS,
    }));
  return { before: phase(hooks.before, 'before'), after: phase(hooks.after, 'after') };
}
