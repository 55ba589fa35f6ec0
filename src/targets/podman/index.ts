// The podman ClusterTarget: pods from the env's manifests on a per-env podman network, no cluster.
export { createPodmanTarget, type PodmanTargetOptions } from './target.js';
export { planGroup, type GroupPlan, type PlayUnit } from './play-plan.js';
export { toPodView, CRASH_RESTARTS, CRASH_WINDOW_MS } from './pod-view.js';
export { podmanRefusedKinds } from './kinds.js';
export { podmanDeployCheck, type AskPodmanVersion, type DeployCheck } from './deploy-check.js';
