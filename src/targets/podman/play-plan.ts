// PURE: a rendered group (and the env's other groups, for Services, ConfigMaps, Secrets and claims
// that sit elsewhere) -> one "play unit" per pod: the Pod object podman plays (named and labelled
// for the env), the objects it needs alongside, its DNS aliases and the ports to publish.
import { createHash } from 'node:crypto';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import type { KubeObject, RenderedGroup, WorkloadRef } from '../../kube/types.js';
import { LABEL_SPEC, LABEL_WORKLOAD, LABEL_WORKLOAD_KIND, envPodLabels } from './names.js';
import { containersOf, readinessProbeOf, type ReadinessProbe } from './pod-spec.js';
import { scopeClaims, uniqueConfig } from './play-extras.js';
import { secretsRead } from './secret-reads.js';
import { podsOf, type PodSlot } from './replicas.js';
import { bindServices, type ServiceBinding } from './services.js';
import { asRecords, asString, clone } from './shape.js';
import { sortObjects, type NoEffect, type SortedObjects, type Workload } from './workloads.js';

export interface PlayUnit {
  podName: string;
  workload: WorkloadRef;
  source: string;
  /** The Pod to play, labelled, without host ports (added at apply time). */
  pod: KubeObject;
  /** ConfigMaps, Secrets and the PersistentVolumeClaims the pod mounts. */
  extras: KubeObject[];
  /** Names that resolve to this pod on the env network: Service names, a StatefulSet pod's own names. */
  aliases: string[];
  /** Container ports published to 127.0.0.1: Service ports and readiness probe ports. */
  publish: number[];
  /** Readiness probe per container name. */
  probes: Record<string, ReadinessProbe>;
  /** Image references and their pull policies (init containers included). */
  images: { ref: string; pullPolicy: string | undefined; container: string }[];
  /** Volume names (scoped) the pod's claims create. */
  volumes: string[];
  /** Names of the podman secrets `kube play` makes of the Secrets played alongside (global names, kept by podman). */
  secrets: string[];
  /** A Job's pod: it runs to completion, and once completed (and unchanged) it is kept, not replayed. */
  completes: boolean;
  /** Hash of everything that decides the pod's behaviour, so an unchanged one can be kept. */
  specHash: string;
}

export interface GroupPlan {
  units: PlayUnit[];
  services: ServiceBinding[];
  /** Objects accepted without effect on this target; each is said in one line. */
  noEffect: NoEffect[];
  /** Other lines for the step's output (how a manifest was adapted). */
  notes: string[];
  /** Every object the target cannot run, one located line each (thrown instead unless `strict` is false). */
  problems: string[];
}

export interface PlanContext {
  env: string;
  /** The project id (labels tell two checkouts' envs of one name apart). */
  project: string;
  runId: string;
  network: string;
}

/** The line the step prints for an object without effect on this target. */
export function noEffectLine(item: NoEffect): string {
  return `podman target: ${item.kind}/${item.name} (${item.source}) accepted, no effect on this target: ${item.reason}`;
}

/**
 * Plans how podman plays a rendered group; `envGroups` are all the env's groups (Services, ConfigMaps,
 * Secrets and claims are resolved across them). Throws one TarmacError listing every object it cannot
 * run, unless `strict` is false (reading pods back only needs their names and probes; the check before
 * anything is created, deploy-check.ts, reads `problems`).
 */
export function planGroup(
  group: RenderedGroup,
  ctx: PlanContext,
  envGroups: readonly RenderedGroup[] = [],
  strict = true,
): GroupPlan {
  const sorted = sortObjects(group.objects);
  const others = envGroups.filter((g) => g.name !== group.name).map((g) => sortObjects(g.objects));
  const all = [sorted, ...others];
  const { bindings, problems } = bindServices(
    all.flatMap((s) => s.services),
    all.flatMap((s) => s.workloads),
    { services: new Set(sorted.services), workloads: new Set(sorted.workloads) },
  );
  problems.unshift(...sorted.unsupported);
  const shared = { ...sorted, config: all.flatMap((s) => s.config), claims: all.flatMap((s) => s.claims) };
  const notes: string[] = [];
  const units: PlayUnit[] = [];
  const names = new Map<string, string>();
  for (const workload of sorted.workloads) {
    const id = `${workload.ref.kind}/${workload.ref.name} (${workload.source})`;
    const adapted = adaptSpec(workload);
    if (adapted) notes.push(`podman target: ${id}: ${adapted}`);
    for (const slot of podsOf(workload, ctx.env)) {
      const clash = names.get(slot.podName);
      if (clash)
        problems.push(`${id} makes a pod named ${slot.podName}, as ${clash} does: podman pod names must be unique`);
      names.set(slot.podName, id);
      try {
        units.push(planUnit(workload, slot, bindings, shared, group.name, ctx));
      } catch (error) {
        problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (strict && problems.length > 0) {
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
  return { units, services: bindings, noEffect: sorted.noEffect, notes, problems };
}

// Restart policies podman can honour. Why OnFailure with init containers: podman 4.3.1 gives the pod's
// Always to its init containers too, which then restart forever and block the pod; a Job's pod must
// end (Never unless it says OnFailure). Returns what was changed, for the step's output.
function adaptSpec(workload: Workload): string | undefined {
  const spec = workload.spec;
  const policy = asString(spec.restartPolicy) ?? 'Always';
  if (workload.completes && policy === 'Always') {
    spec.restartPolicy = 'Never';
    return undefined;
  }
  if (policy === 'Always' && asRecords(spec.initContainers).length > 0) {
    spec.restartPolicy = 'OnFailure';
    return 'played with restartPolicy OnFailure (podman 4.3.1 restarts init containers forever under Always); a container exiting 0 is not restarted';
  }
  return undefined;
}

function planUnit(
  workload: Workload,
  slot: PodSlot,
  bindings: ServiceBinding[],
  sorted: SortedObjects,
  group: string,
  ctx: PlanContext,
): PlayUnit {
  const spec = clone(workload.spec);
  if (slot.hostname && spec.hostname === undefined) spec.hostname = slot.hostname;
  const { claims, volumes } = scopeClaims(
    spec,
    sorted.claims.map((c) => c.object),
    ctx,
  );
  const mine = bindings.filter((b) => b.workloads.includes(workload));
  const probes: Record<string, ReadinessProbe> = {};
  for (const container of containersOf(spec)) {
    const probe = readinessProbeOf(spec, container);
    if (probe) probes[asString(container.name) ?? ''] = probe;
  }
  const images = [...asRecords(spec.initContainers), ...containersOf(spec)].flatMap((container) => {
    const ref = asString(container.image);
    const name = asString(container.name) ?? '';
    return ref ? [{ ref, pullPolicy: asString(container.imagePullPolicy), container: name }] : [];
  });
  const publish = new Set<number>(mine.flatMap((b) => b.ports));
  for (const probe of Object.values(probes)) if (probe.action.type !== 'exec') publish.add(probe.action.port);
  const labels = { ...workload.labels, [LABEL_WORKLOAD_KIND]: workload.ref.kind, [LABEL_WORKLOAD]: workload.ref.name };
  // Only the Secrets the pod reads: podman keeps each played Secret as a global podman secret (down removes them).
  const read = new Set(secretsRead(spec));
  const config = uniqueConfig(sorted.config).filter((o) => o.kind !== 'Secret' || read.has(o.metadata.name));
  const extras = [...config, ...claims];
  const aliases = [...mine.map((b) => b.name), ...slot.aliases];
  const specHash = hash({ labels, spec, extras, aliases, network: ctx.network, group });
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: slot.podName,
      labels: { ...labels, ...envPodLabels(ctx, ctx.runId, group), [LABEL_SPEC]: specHash },
    },
    spec,
  };
  return {
    podName: slot.podName,
    workload: workload.ref,
    source: workload.source,
    pod,
    extras,
    aliases,
    publish: [...publish].sort((a, b) => a - b),
    probes,
    images,
    volumes,
    secrets: extras.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name),
    completes: workload.completes,
    specHash,
  };
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
