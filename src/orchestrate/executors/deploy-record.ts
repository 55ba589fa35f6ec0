// Each deploy group's last successful apply (`.tarmac/applied/<group>.json`), so a warm `up` whose rendered
// manifests did not change can skip the apply and the wait once one status call shows the workloads ready.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private.js';
import { containersOf } from '../../kube/pod-specs.js';
import type { DeployGroupSpec } from '../../config/types.js';
import type { KubeObject, RenderedGroup } from '../../kube/types.js';
import type { ClusterTarget } from '../../targets/types.js';

interface AppliedRecord {
  key: string;
  runId: string;
  at: string;
  /** The group's `after` hooks have not all succeeded since this apply: the group is not in place yet. */
  hooksPending?: boolean;
}

const dir = (stateDir: string) => join(stateDir, 'applied');
// Group names are config names (letters, digits, dashes), safe as file names.
const file = (stateDir: string, group: string) => join(dir(stateDir), `${group}.json`);

/**
 * What an apply of `group` depends on: the target, the group's rendered objects (images substituted) and, on the
 * podman target, the other groups' objects, since it resolves Services, ConfigMaps and Secrets across groups.
 * Other groups' image references are left out: a changed image elsewhere changes no pod of this group.
 * The group's hooks count too (when it has any): a changed hook applies the group again, and so runs its hooks.
 */
export function applyKey(
  target: Pick<ClusterTarget, 'type' | 'name'>,
  group: RenderedGroup,
  envGroups: readonly RenderedGroup[],
  hooks?: DeployGroupSpec['hooks'],
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
      JSON.stringify({
        target: target.type,
        name: target.name,
        objects: group.objects.map((o) => o.object),
        others,
        ...(hooks && hooks.before.length + hooks.after.length > 0 ? { hooks } : {}),
      }),
    )
    .digest('hex');
}

function withoutImages(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  for (const container of containersOf(copy)) delete container.image;
  return copy;
}

/**
 * The key of the group's last successful apply, or undefined: never applied, an unreadable record, or `after` hooks
 * that did not all succeed since (a group whose seeding failed is applied, and seeded, again).
 */
export function lastAppliedKey(stateDir: string, group: string): string | undefined {
  const record = readRecord(stateDir, group);
  return record && !record.hooksPending ? record.key : undefined;
}

/**
 * Records a successful apply (after its workloads were ready); atomic, so a crash never leaves half a record.
 * `hooksPending`: the group has `after` hooks still to run (recordHooksDone clears it).
 */
export function recordApplied(stateDir: string, group: string, key: string, runId: string, hooksPending = false): void {
  writeRecord(stateDir, group, { key, runId, at: new Date().toISOString(), ...(hooksPending ? { hooksPending } : {}) });
}

/** Records that the group's `after` hooks all succeeded after its last apply; no-op without a record. */
export function recordHooksDone(stateDir: string, group: string): void {
  const record = readRecord(stateDir, group);
  if (record?.hooksPending) writeRecord(stateDir, group, { key: record.key, runId: record.runId, at: record.at });
}

function readRecord(stateDir: string, group: string): AppliedRecord | undefined {
  const path = file(stateDir, group);
  if (!existsSync(path)) return undefined;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<AppliedRecord>;
    if (typeof record.key !== 'string') return undefined;
    return {
      key: record.key,
      runId: String(record.runId),
      at: String(record.at),
      hooksPending: record.hooksPending === true,
    };
  } catch {
    // A torn or hand-edited record only costs one re-apply.
    return undefined;
  }
}

function writeRecord(stateDir: string, group: string, record: AppliedRecord): void {
  makePrivateDir(dir(stateDir));
  const path = file(stateDir, group);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, path);
}

/** Forgets every group's apply (after `down`): the next `up` applies everything. */
export function forgetApplied(stateDir: string): void {
  rmSync(dir(stateDir), { recursive: true, force: true });
}
