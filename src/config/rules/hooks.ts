// Cross-field rules for deploy-group hooks: names unique within the group (each hook is a step `hook:<group>/<name>`),
// and a working directory that exists and lies inside the project (a hook writes where it runs).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../finding.js';
import { entries, isRawMap, text } from './raw.js';
import type { RuleContext, RuleOutput } from './raw.js';
import { realOrSelf, realPathOf } from './write-paths.js';

const PHASES = ['before', 'after'] as const;

/** Duplicate hook names in a group, a missing cwd, a cwd outside the project. */
export function checkHooks(ctx: RuleContext): RuleOutput {
  const errors: Finding[] = [];
  const project = realOrSelf(ctx.dir);
  for (const { index, item } of entries(ctx.data, 'deploy')) {
    const seen = new Set<string>();
    for (const when of PHASES) {
      for (const { index: h, item: hook } of entries(item.hooks, when)) {
        const at = ['deploy', index, 'hooks', when, h] as const;
        const name = text(hook, 'name') ?? (hook.name === undefined ? `${when}-${h + 1}` : undefined);
        if (name !== undefined && seen.has(name))
          errors.push({
            path: hook.name === undefined ? [...at] : [...at, 'name'],
            message: `Two hooks of this group are named \`${name}\`${hook.name === undefined ? ' (the default name of this one)' : ''}`,
            hint: 'Give each hook of a group its own `name:`; its step is `hook:<group>/<name>`.',
          });
        if (name !== undefined) seen.add(name);
        const cwd = text(hook, 'cwd');
        if (cwd !== undefined) errors.push(...cwdProblems(ctx, project, [...at, 'cwd'], cwd));
      }
    }
  }
  return { errors, warnings: [] };
}

function cwdProblems(ctx: RuleContext, project: string, where: Finding['path'], cwd: string): Finding[] {
  const abs = path.resolve(ctx.dir, cwd);
  const real = realPathOf(abs);
  if (real !== project && !real.startsWith(`${project}${path.sep}`))
    return [
      {
        path: where,
        message: `\`${cwd}\` is outside the project (resolves to \`${real}\`); the hook runs (and writes) in this directory`,
        hint: `Use a directory under the directory of ${ctx.fileName} (${project}), relative to ${ctx.fileName}.`,
      },
    ];
  if (statSync(abs, { throwIfNoEntry: false })?.isDirectory() !== true)
    return [
      {
        path: where,
        message: `Hook working directory \`${cwd}\` is not a directory`,
        hint: `Create the directory or fix the path; relative paths are resolved against the directory of ${ctx.fileName}.`,
      },
    ];
  return [];
}

/** True when the raw group has hooks (a group with only hooks deploys nothing but is not empty). */
export function hasHooks(group: unknown): boolean {
  return isRawMap(group) && isRawMap(group.hooks);
}
