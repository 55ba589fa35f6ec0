import { podmanRefusedKinds } from "./podman/index.js";
function targetRefusal(target, object) {
  if (target === "kind") return void 0;
  if (!podmanRefusedKinds().includes(object.kind)) return void 0;
  return `the podman target cannot run a ${object.kind} (no scheduler without a cluster)`;
}
export {
  targetRefusal
};
//# sourceMappingURL=refused-kinds.js.map
