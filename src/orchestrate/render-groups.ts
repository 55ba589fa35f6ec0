// Loads and renders every deploy group before anything is created, so a bad manifest fails the run up front.
import type { DeployGroupSpec, Env } from '../config/types.js';
import type { CommandRunner } from '../exec/types.js';
import type { RenderedGroup, SourcedObject } from '../kube/types.js';
import { helmInputsDigest } from '../kube/helm-inputs.js';
import { loadGroupManifests } from '../kube/load-manifests.js';
import { renderGroup } from '../kube/render.js';

/** Rendered groups by name, with logical image names replaced by content-tagged references. */
export async function renderDeployGroups(
  env: Env,
  refs: ReadonlyMap<string, string>,
  runner: CommandRunner,
): Promise<Map<string, RenderedGroup>> {
  const groups = new Map<string, RenderedGroup>();
  for (const group of env.deploy) {
    const objects = await loadGroupManifests(group, env.dir, { runner });
    const inputsDigest = group.helm ? await helmInputsDigest(group.helm, group.namespace) : undefined;
    groups.set(group.name, renderLoadedGroup(group, objects, refs, inputsDigest));
  }
  return groups;
}

/** One group's loaded objects rendered as `up` renders them (validate renders with no image references). */
export function renderLoadedGroup(
  group: DeployGroupSpec,
  objects: readonly SourcedObject[],
  refs: ReadonlyMap<string, string>,
  inputsDigest?: string,
): RenderedGroup {
  // Never pull: every image is built or pulled into the engine and delivered by tarmac, so a pull can only hide a delivery bug.
  return renderGroup(group.name, objects, new Map(refs), {
    pullPolicy: 'Never',
    ...(group.wait ? { wait: group.wait } : {}),
    ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
    ...(inputsDigest !== undefined ? { inputsDigest } : {}),
  });
}
