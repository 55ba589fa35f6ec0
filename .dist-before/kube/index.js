import { loadGroupManifests } from "./load-manifests.js";
import { parseManifests } from "./parse-manifests.js";
import { renderGroup } from "./render.js";
import { logicalImageOf } from "./image-match.js";
import { classifyPod } from "./classify-pod.js";
import { podViewFromKubePod, podViewsFromKubeList } from "./pod-view.js";
import { waitReady } from "./wait-ready.js";
import { systemWaitClock } from "./wait-clock.js";
import { workloadStatuses, workloadName } from "./workload-status.js";
import { hintFor } from "./verdict-hints.js";
export {
  classifyPod,
  hintFor,
  loadGroupManifests,
  logicalImageOf,
  parseManifests,
  podViewFromKubePod,
  podViewsFromKubeList,
  renderGroup,
  systemWaitClock,
  waitReady,
  workloadName,
  workloadStatuses
};
//# sourceMappingURL=index.js.map
