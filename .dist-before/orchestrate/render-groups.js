import { helmInputsDigest } from "../kube/helm-inputs.js";
import { loadGroupManifests } from "../kube/load-manifests.js";
import { renderGroup } from "../kube/render.js";
async function renderDeployGroups(env, refs, runner) {
  const groups = /* @__PURE__ */ new Map();
  for (const group of env.deploy) {
    const objects = await loadGroupManifests(group, env.dir, { runner });
    const inputsDigest = group.helm ? await helmInputsDigest(group.helm, group.namespace) : void 0;
    groups.set(
      group.name,
      renderGroup(group.name, objects, new Map(refs), {
        pullPolicy: "Never",
        ...group.wait ? { wait: group.wait } : {},
        ...group.namespace !== void 0 ? { namespace: group.namespace } : {},
        ...inputsDigest !== void 0 ? { inputsDigest } : {}
      })
    );
  }
  return groups;
}
export {
  renderDeployGroups
};
//# sourceMappingURL=render-groups.js.map
