// Each deploy group's last successful apply (`.tarmac/applied/<group>.json`), so a warm `up` whose rendered
// manifests did not change can skip the apply and the wait once one status call shows the workloads ready.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private.js';
import { containersOf } from '../../kube/pod-specs.js';
import type { KubeObject, RenderedGroup } from '../../kube/types.js';
import type { ClusterTarget } from '../../targets/types.js';

interface AppliedRecord {
  key: string;
  runId: string;
  at: string;
}

const dir = (stateDir: string) => join(stateDir, 'applied');
// Group names are config names (letters, digits, dashes), safe as file names.
const file = (stateDir: string, group: string) => join(dir(stateDir), `${group}.json`);

/**
 * What an apply of `group` depends on: the target, the group's rendered objects (images substituted) and, on the
 * podman target, the other groups' objects, since it resolves Services, ConfigMaps and Secrets across groups.
 * Other groups' image references are left out: a changed image elsewhere changes no pod of this group.
 */
export function applyKey(
  target: Pick<ClusterTarget, 'type' | 'name'>,
  group: RenderedGroup,
  envGroups: readonly RenderedGroup[],
): string {
  const others =
    target.type === 'podman'
      ? envGroups
          .filter((g) => g.name !== group.name)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((g) => ({ group: g.name, objects: g.objects.map((o) => withoutImages(o.object)) }))
      : [];
  return createHash('sha256')
    .update(
      JSON.stringify({ target: target.type, name: target.name, objects: group.objects.map((o) => o.object), others }),
    )
    .digest('hex');
}

function withoutImages(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  for (const container of containersOf(copy)) delete container.image;
  return copy;
}

/** The key of the group's last successful apply, or undefined (never applied, or an unreadable record). */
export function lastAppliedKey(stateDir: string, group: string): string | undefined {
  const path = file(stateDir, group);
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<AppliedRecord>;
    return typeof record.key === 'string' ? record.key : undefined;
  } catch {
    // A torn or hand-edited record only costs one re-apply.
    return undefined;
  }
}

/** Records a successful apply (after its workloads were ready); atomic, so a crash never leaves half a record. */
export function recordApplied(stateDir: string, group: string, key: string, runId: string): void {
  makePrivateDir(dir(stateDir));
  const path = file(stateDir, group);
  const tmp = `${path}.${process.pid}.tmp`;
  const record: AppliedRecord = { key, runId, at: new Date().toISOString() };
  writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, path);
}

/** Forgets every group's apply (after `down`): the next `up` applies everything. */
export function forgetApplied(stateDir: string): void {
  rmSync(dir(stateDir), { recursive: true, force: true });
}
