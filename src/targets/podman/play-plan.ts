// PURE: a rendered group -> one "play unit" per workload: the Pod object podman plays (named and
// labelled for the env), the objects it needs alongside, its DNS aliases and the ports to publish.
import { createHash } from 'node:crypto';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import type { KubeObject, RenderedGroup, WorkloadRef } from '../../kube/types.js';
import { LABEL_SPEC, LABEL_WORKLOAD, LABEL_WORKLOAD_KIND, envPodLabels, scopedName, targetLabels } from './names.js';
import { containersOf, readinessProbeOf, type ReadinessProbe } from './pod-spec.js';
import { bindServices, type ServiceBinding } from './services.js';
import { asRecord, asRecords, asString, clone, type Json } from './shape.js';
import { sortObjects, type Workload } from './workloads.js';

export interface PlayUnit {
  podName: string;
  workload: WorkloadRef;
  source: string;
  /** The Pod to play, labelled, without host ports (added at apply time). */
  pod: KubeObject;
  /** ConfigMaps, Secrets and the PersistentVolumeClaims the pod mounts. */
  extras: KubeObject[];
  /** Service names that resolve to this pod on the env network. */
  aliases: string[];
  /** Container ports published to 127.0.0.1: Service ports and readiness probe ports. */
  publish: number[];
  /** Readiness probe per container name. */
  probes: Record<string, ReadinessProbe>;
  /** Image references and their pull policies. */
  images: { ref: string; pullPolicy: string | undefined; container: string }[];
  /** Volume names (scoped) the pod's claims create. */
  volumes: string[];
  /** Hash of everything that decides the pod's behaviour, so an unchanged one can be kept. */
  specHash: string;
}

export interface GroupPlan {
  units: PlayUnit[];
  services: ServiceBinding[];
  /** Lines for the step's output (ignored objects, replicas reduced to one). */
  notes: string[];
}

export interface PlanContext {
  env: string;
  runId: string;
  network: string;
}

/** Plans how podman plays a rendered group; throws one TarmacError listing every object it cannot run. */
export function planGroup(group: RenderedGroup, ctx: PlanContext): GroupPlan {
  const sorted = sortObjects(group.objects);
  const { bindings, problems } = bindServices(sorted.services, sorted.workloads, group.name);
  problems.unshift(...sorted.unsupported);
  const notes = sorted.ignored.map((id) => `podman target: ignoring ${id}: it has no effect without a cluster`);
  const units: PlayUnit[] = [];
  const names = new Map<string, string>();
  for (const workload of sorted.workloads) {
    const podName = scopedName(ctx.env, workload.ref.name);
    const clash = names.get(podName);
    if (clash)
      problems.push(
        `${workload.ref.kind}/${workload.ref.name} (${workload.source}) has the same name as ${clash}: podman pod names must be unique`,
      );
    names.set(podName, `${workload.ref.kind}/${workload.ref.name} (${workload.source})`);
    if (workload.replicas > 1)
      notes.push(
        `podman target: ${workload.ref.kind}/${workload.ref.name} runs 1 pod (replicas: ${workload.replicas})`,
      );
    try {
      units.push(planUnit(workload, podName, bindings, sorted, group.name, ctx));
    } catch (error) {
      problems.push(
        `${workload.ref.kind}/${workload.ref.name} (${workload.source}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new TarmacError(
      'PODMAN_TARGET_UNSUPPORTED',
      `deploy group ${group.name} cannot run on the podman target: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      {
        exitCode: ExitCode.usage,
        details: problems,
        hint: 'Fix the manifests as each line says, or deploy to a real cluster (cluster.target: kind).',
      },
    );
  }
  return { units, services: bindings, notes };
}

function planUnit(
  workload: Workload,
  podName: string,
  bindings: ServiceBinding[],
  sorted: ReturnType<typeof sortObjects>,
  group: string,
  ctx: PlanContext,
): PlayUnit {
  const spec = clone(workload.spec);
  const { claims, volumes } = scopeClaims(
    spec,
    sorted.claims.map((c) => c.object),
    ctx.env,
  );
  const mine = bindings.filter((b) => b.workloads.includes(workload));
  const probes: Record<string, ReadinessProbe> = {};
  const images: PlayUnit['images'] = [];
  for (const container of containersOf(spec)) {
    const name = asString(container.name) ?? '';
    const probe = readinessProbeOf(spec, container);
    if (probe) probes[name] = probe;
    const image = asString(container.image);
    if (image) images.push({ ref: image, pullPolicy: asString(container.imagePullPolicy), container: name });
  }
  const publish = new Set<number>(mine.flatMap((b) => b.ports));
  for (const probe of Object.values(probes)) if (probe.action.type !== 'exec') publish.add(probe.action.port);
  const labels = { ...workload.labels, [LABEL_WORKLOAD_KIND]: workload.ref.kind, [LABEL_WORKLOAD]: workload.ref.name };
  const extras = [...sorted.config.map(clone), ...claims];
  const aliases = mine.map((b) => b.name);
  const specHash = hash({ labels, spec, extras, aliases, network: ctx.network, group });
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      labels: { ...labels, ...envPodLabels(ctx.env, ctx.runId, group), [LABEL_SPEC]: specHash },
    },
    spec,
  };
  return {
    podName,
    workload: workload.ref,
    source: workload.source,
    pod,
    extras,
    aliases,
    publish: [...publish].sort((a, b) => a - b),
    probes,
    images,
    volumes,
    specHash,
  };
}

// PersistentVolumeClaims become podman volumes with global names: scope them to the env, label
// them, and point the pod's volumes at the scoped names.
function scopeClaims(spec: Json, claims: KubeObject[], env: string): { claims: KubeObject[]; volumes: string[] } {
  const used: KubeObject[] = [];
  for (const volume of asRecords(spec.volumes)) {
    const claim = asRecord(volume.persistentVolumeClaim);
    const claimName = asString(claim?.claimName);
    const object = claims.find((c) => c.metadata.name === claimName);
    if (!claim || !object) continue;
    claim.claimName = scopedName(env, object.metadata.name);
    if (!used.includes(object)) used.push(object);
  }
  const scoped = used.map((c) => ({
    ...clone(c),
    metadata: {
      ...clone(c.metadata),
      name: scopedName(env, c.metadata.name),
      labels: { ...(c.metadata.labels ?? {}), ...targetLabels(env) },
    },
  }));
  return { claims: scoped, volumes: scoped.map((c) => c.metadata.name) };
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
