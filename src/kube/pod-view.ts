// Maps a real Kubernetes Pod (as `kubectl get pods -o json` prints it) and its events into the PodView
// the readiness classifier reads. The kind target uses it; the podman target builds PodViews itself.
import { asArray, asNumber, asRecord, asString, dig } from './json-access.js';
import type { ContainerStateView, ContainerView, PodView, WorkloadRef } from './types.js';

const PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);
const RESTART_POLICIES = new Set(['Always', 'OnFailure', 'Never']);

export interface PodViewExtras {
  /** Event objects (core/v1 `involvedObject`+`message`, or events.k8s.io/v1 `regarding`+`note`); others' are ignored. */
  events?: readonly unknown[];
  /** Container name -> last log lines (e.g. from `kubectl logs --previous`). */
  logs?: Record<string, string[]>;
}

/** A PodView of one Pod object; tolerates missing fields (a pod just created has no status yet). */
export function podViewFromKubePod(pod: unknown, extras: PodViewExtras = {}): PodView {
  const name = asString(dig(pod, 'metadata', 'name')) ?? '(unnamed pod)';
  const status = asRecord(dig(pod, 'status')) ?? {};
  const phase = asString(status.phase);
  const policy = asString(dig(pod, 'spec', 'restartPolicy'));
  const owner = ownerOf(pod);
  const reason = asString(status.reason);
  const message = asString(status.message);
  const initContainers = containers(pod, 'initContainers', 'initContainerStatuses', extras.logs);
  return {
    name,
    ...(owner ? { owner } : {}),
    phase: phase !== undefined && PHASES.has(phase) ? (phase as PodView['phase']) : 'Unknown',
    ...(policy !== undefined && RESTART_POLICIES.has(policy)
      ? { restartPolicy: policy as PodView['restartPolicy'] }
      : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(message !== undefined ? { message } : {}),
    conditions: asArray(status.conditions).flatMap((c) => {
      const type = asString(dig(c, 'type'));
      const value = asString(dig(c, 'status'));
      if (type === undefined || (value !== 'True' && value !== 'False' && value !== 'Unknown')) return [];
      const condReason = asString(dig(c, 'reason'));
      const condMessage = asString(dig(c, 'message'));
      return [
        {
          type,
          status: value,
          ...(condReason ? { reason: condReason } : {}),
          ...(condMessage ? { message: condMessage } : {}),
        },
      ];
    }),
    containers: containers(pod, 'containers', 'containerStatuses', extras.logs),
    ...(initContainers.length > 0 ? { initContainers } : {}),
    events: eventsFor(name, extras.events ?? []),
  };
}

/** PodViews of a `kubectl get pods -o json` List, each with its own events. */
export function podViewsFromKubeList(list: unknown, events: readonly unknown[] = []): PodView[] {
  return asArray(dig(list, 'items')).map((pod) => podViewFromKubePod(pod, { events }));
}

// The controller owning the pod; a ReplicaSet named `<deployment>-<pod-template-hash>` stands for its Deployment.
function ownerOf(pod: unknown): WorkloadRef | undefined {
  const refs = asArray(dig(pod, 'metadata', 'ownerReferences'));
  const ref = refs.find((r) => dig(r, 'controller') === true) ?? refs[0];
  let kind = asString(dig(ref, 'kind'));
  let name = asString(dig(ref, 'name'));
  if (kind === undefined || name === undefined) return undefined;
  const hash = asString(dig(pod, 'metadata', 'labels', 'pod-template-hash'));
  if (kind === 'ReplicaSet' && hash !== undefined && name.endsWith(`-${hash}`)) {
    kind = 'Deployment';
    name = name.slice(0, -(hash.length + 1));
  }
  const namespace = asString(dig(pod, 'metadata', 'namespace'));
  return { kind, name, ...(namespace !== undefined ? { namespace } : {}) };
}

// Spec containers joined with their statuses; a container with no status yet has an empty state.
function containers(
  pod: unknown,
  specKey: string,
  statusKey: string,
  logs: Record<string, string[]> = {},
): ContainerView[] {
  const statuses = asArray(dig(pod, 'status', statusKey));
  const specs = asArray(dig(pod, 'spec', specKey));
  const names = [...specs.map((s) => asString(dig(s, 'name'))), ...statuses.map((s) => asString(dig(s, 'name')))];
  const unique = [...new Set(names.filter((n): n is string => n !== undefined))];
  return unique.map((name) => {
    const spec = specs.find((s) => dig(s, 'name') === name);
    const st = statuses.find((s) => dig(s, 'name') === name);
    const lastState = stateOf(dig(st, 'lastState'));
    const logTail = logs[name];
    return {
      name,
      // The spec's image is what the manifest (and tarmac's rendering) asked for; the status may show it normalised.
      image: asString(dig(spec, 'image')) ?? asString(dig(st, 'image')) ?? '',
      ready: dig(st, 'ready') === true,
      restartCount: asNumber(dig(st, 'restartCount')) ?? 0,
      state: stateOf(dig(st, 'state')),
      ...(Object.keys(lastState).length > 0 ? { lastState } : {}),
      ...(logTail ? { logTail } : {}),
    };
  });
}

function stateOf(state: unknown): ContainerStateView {
  const waiting = asRecord(dig(state, 'waiting'));
  if (waiting) {
    const message = asString(waiting.message);
    return { waiting: { reason: asString(waiting.reason) ?? 'Waiting', ...(message ? { message } : {}) } };
  }
  const running = asRecord(dig(state, 'running'));
  if (running) {
    const startedAt = asString(running.startedAt);
    return { running: startedAt ? { startedAt } : {} };
  }
  const terminated = asRecord(dig(state, 'terminated'));
  if (terminated) {
    const reason = asString(terminated.reason);
    const message = asString(terminated.message);
    return {
      terminated: {
        exitCode: asNumber(terminated.exitCode) ?? -1,
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
      },
    };
  }
  return {};
}

// This pod's events, oldest first (by their last time when they carry one; list order otherwise).
function eventsFor(podName: string, events: readonly unknown[]): NonNullable<PodView['events']> {
  const mine = events.filter((e) => {
    const about = asRecord(dig(e, 'involvedObject')) ?? asRecord(dig(e, 'regarding'));
    return about === undefined || (about.name === podName && (about.kind === undefined || about.kind === 'Pod'));
  });
  const time = (e: unknown): string =>
    asString(dig(e, 'lastTimestamp')) ??
    asString(dig(e, 'series', 'lastObservedTime')) ??
    asString(dig(e, 'eventTime')) ??
    asString(dig(e, 'firstTimestamp')) ??
    '';
  const sorted = mine.map((e, i) => ({ e, i })).sort((a, b) => time(a.e).localeCompare(time(b.e)) || a.i - b.i);
  return sorted.map(({ e }) => {
    const type = asString(dig(e, 'type'));
    return {
      reason: asString(dig(e, 'reason')) ?? '',
      message: asString(dig(e, 'message')) ?? asString(dig(e, 'note')) ?? '',
      ...(type === 'Normal' || type === 'Warning' ? { type } : {}),
    };
  });
}
