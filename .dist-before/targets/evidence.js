import { kindEvidence } from "./kind/evidence/index.js";
import { podmanEvidence } from "./podman/evidence/index.js";
function targetEvidence(type) {
  return type === "kind" ? kindEvidence : podmanEvidence;
}
export {
  targetEvidence
};
//# sourceMappingURL=evidence.js.map
