// Sorting a rendered group's objects into what podman can run (Pods, Deployments as one Pod each),
// what it needs alongside (ConfigMaps, Secrets, PersistentVolumeClaims), Services, and what has
// no meaning without a cluster.
import type { KubeObject, SourcedObject, WorkloadRef } from '../../kube/types.js';
import { asNumber, asRecord, asStringMap, clone, type Json } from './shape.js';

/** A workload as podman runs it: one pod, built from a Pod or a Deployment's template. */
export interface Workload {
  ref: WorkloadRef;
  source: string;
  /** Pod metadata labels (the Deployment template's), before tarmac adds its own. */
  labels: Record<string, string>;
  /** The pod spec (a copy). */
  spec: Json;
  replicas: number;
}

export interface SortedObjects {
  workloads: Workload[];
  services: SourcedObject[];
  /** ConfigMaps and Secrets: played alongside every workload of the group. */
  config: KubeObject[];
  claims: SourcedObject[];
  /** Objects without effect on podman, as `Kind/name (file:line)`. */
  ignored: string[];
  /** Objects podman cannot run, one line each. */
  unsupported: string[];
}

// Kinds that only configure a cluster (access, policies, scaling): nothing to run without one.
const CLUSTER_ONLY = new Set([
  'Namespace',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'NetworkPolicy',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Ingress',
  'IngressClass',
  'LimitRange',
  'ResourceQuota',
  'PriorityClass',
]);

/** Where an object came from, for messages: `manifests/data/db.yaml:12`. */
export function sourceOf(object: SourcedObject): string {
  return `${object.file}:${object.line}`;
}

/** Sorts the group's objects by what the podman target does with them. */
export function sortObjects(objects: SourcedObject[]): SortedObjects {
  const sorted: SortedObjects = { workloads: [], services: [], config: [], claims: [], ignored: [], unsupported: [] };
  for (const item of objects) {
    const { object } = item;
    const id = `${object.kind}/${object.metadata.name} (${sourceOf(item)})`;
    switch (object.kind) {
      case 'Pod':
        sorted.workloads.push(podWorkload(item));
        break;
      case 'Deployment':
        sorted.workloads.push(deploymentWorkload(item));
        break;
      case 'Service':
        sorted.services.push(item);
        break;
      case 'ConfigMap':
      case 'Secret':
        sorted.config.push(clone(object));
        break;
      case 'PersistentVolumeClaim':
        sorted.claims.push(item);
        break;
      default:
        if (CLUSTER_ONLY.has(object.kind)) sorted.ignored.push(id);
        else sorted.unsupported.push(`${id}: podman kube play cannot run a ${object.kind}`);
    }
  }
  return sorted;
}

function podWorkload(item: SourcedObject): Workload {
  const { object } = item;
  return {
    ref: workloadRef(object),
    source: sourceOf(item),
    labels: { ...(object.metadata.labels ?? {}) },
    spec: clone(asRecord(object.spec) ?? {}),
    replicas: 1,
  };
}

function deploymentWorkload(item: SourcedObject): Workload {
  const { object } = item;
  const spec = asRecord(object.spec) ?? {};
  const template = asRecord(spec.template) ?? {};
  return {
    ref: workloadRef(object),
    source: sourceOf(item),
    labels: asStringMap(asRecord(template.metadata)?.labels),
    spec: clone(asRecord(template.spec) ?? {}),
    replicas: asNumber(spec.replicas) ?? 1,
  };
}

function workloadRef(object: KubeObject): WorkloadRef {
  return {
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  };
}
