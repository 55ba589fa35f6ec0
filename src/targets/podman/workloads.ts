// Sorting a rendered group's objects into what podman can run (every kind that runs pods, see
// kinds.ts), what it needs alongside (ConfigMaps, Secrets, PersistentVolumeClaims), Services, what
// has no meaning without a cluster (each said in one line), and what it refuses.
import type { KubeObject, SourcedObject, WorkloadRef } from '../../kube/types.js';
import { WORKLOAD_KINDS, isRefusedKind, noEffectReason } from './kinds.js';
import { asNumber, asRecord, asString, asStringMap, clone, type Json } from './shape.js';

/** A workload as podman runs it: `replicas` pods built from its pod template. */
export interface Workload {
  ref: WorkloadRef;
  source: string;
  /** Pod metadata labels (the template's), before tarmac adds its own. */
  labels: Record<string, string>;
  /** The pod spec (a copy). */
  spec: Json;
  /** How many pods to play (a DaemonSet and a Job: one). */
  replicas: number;
  /** A StatefulSet: pods are `<name>-0..N-1`, each resolvable by that name (and `<name>-i.<serviceName>`). */
  ordinals: boolean;
  serviceName?: string;
  /** A Job: its pod runs to completion, and a completed pod is kept, not replayed. */
  completes: boolean;
}

/** An object accepted without effect on this target, said in one line (never silently dropped). */
export interface NoEffect {
  kind: string;
  name: string;
  source: string;
  reason: string;
}

export interface SortedObjects {
  workloads: Workload[];
  services: SourcedObject[];
  /** ConfigMaps and Secrets: played alongside every workload. */
  config: KubeObject[];
  claims: SourcedObject[];
  noEffect: NoEffect[];
  /** Objects podman cannot run, one line each. */
  unsupported: string[];
}

/** Where an object came from, for messages: `manifests/data/db.yaml:12`. */
export function sourceOf(object: SourcedObject): string {
  return `${object.file}:${object.line}`;
}

/** Sorts the group's objects by what the podman target does with them. */
export function sortObjects(objects: readonly SourcedObject[]): SortedObjects {
  const sorted: SortedObjects = { workloads: [], services: [], config: [], claims: [], noEffect: [], unsupported: [] };
  for (const item of objects) {
    const { object } = item;
    if (WORKLOAD_KINDS.has(object.kind)) sorted.workloads.push(workloadOf(item));
    else if (object.kind === 'Service') sorted.services.push(item);
    else if (object.kind === 'ConfigMap' || object.kind === 'Secret') sorted.config.push(clone(object));
    else if (object.kind === 'PersistentVolumeClaim') sorted.claims.push(item);
    else if (isRefusedKind(object.kind))
      sorted.unsupported.push(
        `${object.kind}/${object.metadata.name} (${sourceOf(item)}): the podman target cannot run a ${object.kind} (no scheduler without a cluster)`,
      );
    else
      sorted.noEffect.push({
        kind: object.kind,
        name: object.metadata.name,
        source: sourceOf(item),
        reason: noEffectReason(object.kind, object.apiVersion),
      });
  }
  return sorted;
}

function workloadOf(item: SourcedObject): Workload {
  const { object } = item;
  const base = { ref: workloadRef(object), source: sourceOf(item), ordinals: false, completes: false };
  const spec = asRecord(object.spec) ?? {};
  if (object.kind === 'Pod')
    return { ...base, labels: { ...(object.metadata.labels ?? {}) }, spec: clone(spec), replicas: 1 };
  const template = asRecord(spec.template) ?? {};
  const fromTemplate = {
    ...base,
    labels: asStringMap(asRecord(template.metadata)?.labels),
    spec: clone(asRecord(template.spec) ?? {}),
  };
  switch (object.kind) {
    case 'DaemonSet':
      return { ...fromTemplate, replicas: 1 };
    case 'Job':
      return { ...fromTemplate, replicas: 1, completes: true };
    case 'StatefulSet': {
      const serviceName = asString(spec.serviceName);
      return {
        ...fromTemplate,
        replicas: asNumber(spec.replicas) ?? 1,
        ordinals: true,
        ...(serviceName ? { serviceName } : {}),
      };
    }
    default:
      return { ...fromTemplate, replicas: asNumber(spec.replicas) ?? 1 };
  }
}

function workloadRef(object: KubeObject): WorkloadRef {
  return {
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  };
}
