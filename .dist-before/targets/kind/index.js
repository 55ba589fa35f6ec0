import { createKindTarget } from "./kind-target.js";
import { canonicalRef } from "./image-ref.js";
export {
  canonicalRef,
  createKindTarget
};
//# sourceMappingURL=index.js.map
