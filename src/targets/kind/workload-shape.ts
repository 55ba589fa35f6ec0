// PURE: workloads a Kubernetes API server refuses at apply for their shape, found before anything is created. The
// podman target plays the pod template whatever these say, so only kind checks them: an apps/v1 workload without
// `spec.selector`, or whose `matchLabels` the pod template's labels do not carry ("selector does not match template
// labels"), and a Job whose pod may restart forever (a Job's restartPolicy must be Never or OnFailure).
import type { RenderedGroup, SourcedObject } from '../../kube/types.js';

const SELECTED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** One located line per workload the API server would refuse for its shape. */
export function workloadShapeProblems(groups: readonly RenderedGroup[]): string[] {
  return groups.flatMap((group) => group.objects.flatMap((item) => problemOf(item) ?? []));
}

function problemOf(item: SourcedObject): string | undefined {
  const { object } = item;
  const where = `${object.kind}/${object.metadata.name} (${item.file}:${item.line})`;
  const spec = record(object.spec);
  const template = record(spec?.template);
  const podLabels = record(record(template?.metadata)?.labels) ?? {};
  if (object.apiVersion === 'apps/v1' && SELECTED_KINDS.has(object.kind)) {
    const selector = record(spec?.selector);
    if (!selector)
      return `${where} has no spec.selector, which apps/v1 requires. Fix: add spec.selector.matchLabels with labels of its pod template`;
    const wanted = Object.entries(record(selector.matchLabels) ?? {});
    const missing = wanted.filter(([key, value]) => podLabels[key] !== value);
    if (missing.length > 0)
      return `${where}: spec.selector.matchLabels ${missing.map(([k, v]) => `${k}=${String(v)}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the pod template's labels, so the cluster would refuse it. Fix: make spec.template.metadata.labels carry them`;
  }
  if (object.apiVersion === 'batch/v1' && object.kind === 'Job') {
    const policy = record(template?.spec)?.restartPolicy;
    if (policy !== 'Never' && policy !== 'OnFailure')
      return `${where}: spec.template.spec.restartPolicy is ${policy === undefined ? 'not set' : JSON.stringify(policy)}, and a Job's must be Never or OnFailure, so the cluster would refuse it. Fix: set restartPolicy: Never (or OnFailure)`;
  }
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
