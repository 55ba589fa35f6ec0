import { checkNamedList } from "./references.js";
import { entries } from "./raw.js";
import { hasHooks } from "./hooks.js";
function checkDeploy(ctx) {
  const errors = checkNamedList(ctx.data, {
    listKey: "deploy",
    refKey: "after",
    noun: "Deploy group",
    duplicateHint: "Deploy group names must be unique; rename one of them or merge their manifests.",
    cycleHint: "A group is applied once the groups in its `after` are ready, so the chain must end; remove one of these entries."
  });
  return { errors, warnings: emptyGroups(ctx.data) };
}
function emptyGroups(data) {
  return entries(data, "deploy").flatMap(({ index, item }) => {
    const manifests = item.manifests;
    const hasManifests = Array.isArray(manifests) && manifests.length > 0;
    if (hasManifests || item.kustomize !== void 0 || item.chart !== void 0 || hasHooks(item)) return [];
    return [
      {
        path: ["deploy", index],
        message: "This deploy group has no `manifests`, no `kustomize` and no `chart`; it deploys nothing",
        hint: "List manifest files or directories under `manifests`, or set `kustomize` or `chart`."
      }
    ];
  });
}
export {
  checkDeploy
};
//# sourceMappingURL=deploy.js.map
