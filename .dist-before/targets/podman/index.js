import { createPodmanTarget } from "./target.js";
import { planGroup } from "./play-plan.js";
import { toPodView, CRASH_RESTARTS, CRASH_WINDOW_MS } from "./pod-view.js";
import { podmanRefusedKinds } from "./kinds.js";
export {
  CRASH_RESTARTS,
  CRASH_WINDOW_MS,
  createPodmanTarget,
  planGroup,
  podmanRefusedKinds,
  toPodView
};
//# sourceMappingURL=index.js.map
