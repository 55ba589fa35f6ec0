// The one place that says which manifest objects a target refuses, so `tarmac validate` reports them (file:line,
// exit 2) before anything is created. Each target keeps its own list beside the code that runs the kinds
// (podman: src/targets/podman/kinds.ts); this only asks it.
import type { KubeObject } from '../kube/types.js';
import { podmanRefusedKinds } from './podman/index.js';
import type { TargetType } from './types.js';

/** Why `target` refuses to deploy the object, or undefined when it deploys it (or knowingly ignores it). */
export function targetRefusal(target: TargetType, object: KubeObject): string | undefined {
  if (target === 'kind') return undefined;
  if (!podmanRefusedKinds().includes(object.kind)) return undefined;
  return `the podman target cannot run a ${object.kind} (no scheduler without a cluster)`;
}
