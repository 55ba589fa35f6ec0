// PURE: custom resources a cluster would refuse because their CustomResourceDefinition may not exist yet. Deploy
// groups run side by side unless `after` orders them, so a custom resource in one group whose CRD sits in another
// is applied, at random, before the CRD: kubectl refuses the unknown kind and the deploy fails (or passes, on
// a lucky run). Inside one group tarmac orders them itself (apply-group.ts waits until the CRD is Established).
import type { RenderedGroup, SourcedObject } from '../../kube/types.js';

/** One located line per custom resource whose CRD is in a group its own group does not come `after`. */
export function crdOrderProblems(
  groups: readonly RenderedGroup[],
  after: ReadonlyMap<string, readonly string[]>,
): string[] {
  // `group/Kind` (e.g. example.com/Analysis) -> the deploy group and object that define it.
  const defined = new Map<string, { group: string; crd: SourcedObject }>();
  for (const group of groups)
    for (const item of group.objects) {
      const key = crdKey(item.object.spec);
      if (item.object.kind === 'CustomResourceDefinition' && key) defined.set(key, { group: group.name, crd: item });
    }
  const problems: string[] = [];
  for (const group of groups)
    for (const item of group.objects) {
      const apiGroup = item.object.apiVersion.includes('/') ? item.object.apiVersion.split('/')[0] : '';
      const crd = defined.get(`${apiGroup}/${item.object.kind}`);
      if (!crd || crd.group === group.name || comesAfter(group.name, crd.group, after)) continue;
      problems.push(
        `${item.object.kind}/${item.object.metadata.name} (${item.file}:${item.line}): its CustomResourceDefinition ${crd.crd.object.metadata.name} (${crd.crd.file}:${crd.crd.line}) is in deploy group ${crd.group}, which group ${group.name} does not come after: it may be applied before the cluster knows its kind. Fix: add \`after: [${crd.group}]\` to group ${group.name}, or move the CRD into it`,
      );
    }
  return problems;
}

function crdKey(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  const { group, names } = spec as { group?: unknown; names?: { kind?: unknown } };
  return typeof group === 'string' && typeof names?.kind === 'string' ? `${group}/${names.kind}` : undefined;
}

// Whether `group` waits (through its `after`, transitively) for `earlier`.
function comesAfter(group: string, earlier: string, after: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [...(after.get(group) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === earlier) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(after.get(next) ?? []));
  }
  return false;
}
