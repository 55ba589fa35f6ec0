// Kubernetes-shaped work shared by the targets: loading and rendering manifests, reading pods, waiting for readiness.
export type * from './types.js';
export { loadGroupManifests, type LoadOptions } from './load-manifests.js';
export { parseManifests } from './parse-manifests.js';
export { renderGroup, type RenderOptions } from './render.js';
export { logicalImageOf } from './image-match.js';
export { classifyPod } from './classify-pod.js';
export { podViewFromKubePod, podViewsFromKubeList, type PodViewExtras } from './pod-view.js';
export { waitReady, type WaitReadyOptions } from './wait-ready.js';
export { systemWaitClock, type WaitClock } from './wait-clock.js';
export { workloadStatuses, workloadName, type WorkloadStatus } from './workload-status.js';
export { hintFor } from './verdict-hints.js';
