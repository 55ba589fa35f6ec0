// Cross-field rules for deploy groups: unique names, `after` references, groups that deploy nothing.
import type { Finding } from '../finding.js';
import { checkNamedList } from './references.js';
import { entries } from './raw.js';
import { hasHooks } from './hooks.js';
import type { RuleContext, RuleOutput } from './raw.js';

/** Duplicate group names, unknown or cyclic `after` (errors); empty groups (warnings). */
export function checkDeploy(ctx: RuleContext): RuleOutput {
  const errors = checkNamedList(ctx.data, {
    listKey: 'deploy',
    refKey: 'after',
    noun: 'Deploy group',
    duplicateHint: 'Deploy group names must be unique; rename one of them or merge their manifests.',
    cycleHint:
      'A group is applied once the groups in its `after` are ready, so the chain must end; remove one of these entries.',
  });
  return { errors, warnings: emptyGroups(ctx.data) };
}

function emptyGroups(data: unknown): Finding[] {
  return entries(data, 'deploy').flatMap(({ index, item }) => {
    const manifests = item.manifests;
    const hasManifests = Array.isArray(manifests) && manifests.length > 0;
    if (hasManifests || item.kustomize !== undefined || item.chart !== undefined || hasHooks(item)) return [];
    return [
      {
        path: ['deploy', index],
        message: 'This deploy group has no `manifests`, no `kustomize` and no `chart`; it deploys nothing',
        hint: 'List manifest files or directories under `manifests`, or set `kustomize` or `chart`.',
      },
    ];
  });
}
