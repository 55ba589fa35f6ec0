// Loads and renders every deploy group before anything is created, so a bad manifest fails the run up front.
import type { Env } from '../config/types.js';
import type { CommandRunner } from '../exec/types.js';
import type { RenderedGroup } from '../kube/types.js';
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
    // Never pull: every image is built or pulled into the engine and delivered by tarmac, so a pull can only hide a delivery bug.
    groups.set(
      group.name,
      renderGroup(group.name, objects, new Map(refs), {
        pullPolicy: 'Never',
        ...(group.wait ? { wait: group.wait } : {}),
        ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
        ...(inputsDigest !== undefined ? { inputsDigest } : {}),
      }),
    );
  }
  return groups;
}
