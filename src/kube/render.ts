// Rendering a deploy group (pure): logical image names become the content-tagged references, with a pull
// policy that never pulls a delivered image, and the list of workloads to wait for is settled.
import { createHash } from 'node:crypto';
import { suggestionHint } from '../config/suggest.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { inApplyOrder } from './apply-order.js';
import { logicalImageOf } from './image-match.js';
import { applyNamespace } from './namespaces.js';
import { containersOf, DEFAULT_WAIT_KINDS } from './pod-specs.js';
import type { KubeObject, RenderedGroup, SourcedObject, WorkloadRef } from './types.js';

export interface RenderOptions {
  /** `Never` for images loaded onto the nodes (kind, podman); `IfNotPresent` for registry delivery. */
  pullPolicy: 'Never' | 'IfNotPresent';
  /** The group's explicit `wait` list; undefined waits for every Deployment, StatefulSet and DaemonSet. */
  wait?: { kind: string; name: string; condition?: string }[];
  /** The group's `namespace`, for objects that name none. */
  namespace?: string;
  /** Digest of inputs the objects do not show (a Helm chart's files and values), folded into renderHash. */
  inputsDigest?: string;
}

/** Renders the group's objects (copies; the input is never mutated). `images`: logical name -> reference. */
export function renderGroup(
  name: string,
  objects: readonly SourcedObject[],
  images: ReadonlyMap<string, string>,
  opts: RenderOptions,
): RenderedGroup {
  const logical = new Set(images.keys());
  const used = new Set<string>();
  const rendered = objects.map((sourced) => {
    const object = structuredClone(sourced.object);
    for (const container of containersOf(object)) {
      const image = typeof container.image === 'string' ? logicalImageOf(container.image, logical) : undefined;
      const ref = image === undefined ? undefined : images.get(image);
      if (image === undefined || ref === undefined) continue;
      container.image = ref;
      container.imagePullPolicy = opts.pullPolicy;
      used.add(image);
    }
    return { ...sourced, object };
  });
  applyNamespace(rendered, opts.namespace);
  const ordered = inApplyOrder(rendered);
  return {
    name,
    objects: ordered,
    ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
    renderHash: createHash('sha256')
      .update(JSON.stringify({ objects: ordered.map((o) => o.object), inputs: opts.inputsDigest ?? null }))
      .digest('hex')
      .slice(0, 16),
    // Waited for in file order (progress lines follow the manifests), not in apply order.
    waitFor: waitFor(
      name,
      rendered.map((s) => s.object),
      opts.wait,
    ),
    images: [...used].sort(),
  };
}

function waitFor(group: string, objects: KubeObject[], wait: RenderOptions['wait']): WorkloadRef[] {
  const ref = (o: KubeObject): WorkloadRef => ({
    kind: o.kind,
    name: o.metadata.name,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
  });
  if (wait === undefined) return objects.filter((o) => DEFAULT_WAIT_KINDS.has(o.kind)).map(ref);
  return wait.map((w) => {
    // Kinds are matched without regard to case (`deployment` is a common spelling); names exactly.
    const found = objects.find((o) => o.kind.toLowerCase() === w.kind.toLowerCase() && o.metadata.name === w.name);
    if (found) return { ...ref(found), ...(w.condition ? { condition: w.condition } : {}) };
    const known = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    throw new TarmacError(
      'DEPLOY_WAIT_UNKNOWN',
      `deploy group ${group}: \`wait\` names ${w.kind}/${w.name}, which is not among the group's objects`,
      {
        exitCode: ExitCode.usage,
        hint:
          suggestionHint(`${w.kind}/${w.name}`, known, `The group's objects are`) ??
          'The group has no objects; check its `manifests`.',
      },
    );
  });
}
