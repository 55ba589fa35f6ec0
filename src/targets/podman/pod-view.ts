// PURE: podman's view of a pod (containers with state, exit code, restart count) -> the Kubernetes
// shaped PodView the shared readiness classifier judges. podman restarts a crashing container at
// once (no back-off), so a container that restarted CRASH_RESTARTS times and is down, or up for less
// than CRASH_WINDOW_MS, is shown the way Kubernetes shows it: waiting, reason CrashLoopBackOff.
import type { ContainerStateView, ContainerView, PodView } from '../../kube/types.js';
import type { ContainerRecord, PodRecordLive } from './inspect.js';
import { LABEL_WORKLOAD, LABEL_WORKLOAD_KIND } from './names.js';

export const CRASH_RESTARTS = 3;
export const CRASH_WINDOW_MS = 10_000;
/**
 * A container without a readiness probe counts as ready once it has run this long. Why: the kubelet
 * would call it ready at once, but a container that crashes 100 ms after start would then pass a
 * deploy whose first look came in time; podman's instant restarts make that look likely.
 */
export const STABLE_MS = 2_000;

/** The outcome of the target's own readiness probe of one container. */
export interface ProbeOutcome {
  ready: boolean;
  /** Kubernetes' event text when it failed, e.g. `Readiness probe failed: HTTP probe failed with statuscode: 404`. */
  message?: string;
}

export interface ContainerExtras {
  probe?: ProbeOutcome;
  /** Exit code of the last run that ended (from podman's `died` events), when known. */
  lastExitCode?: number;
  logTail?: string[];
}

/** The container's name inside its pod: podman names it `<pod>-<container>`. */
export function containerName(record: ContainerRecord, podName: string): string {
  return record.name.startsWith(`${podName}-`) ? record.name.slice(podName.length + 1) : record.name;
}

/** Whether podman is restarting the container in a loop (see the file comment). */
export function isCrashLooping(record: ContainerRecord, now: number): boolean {
  if (record.restartPolicy !== 'always' && record.restartPolicy !== 'on-failure') return false;
  if (record.restartCount < CRASH_RESTARTS) return false;
  return record.status !== 'running' || runningFor(record, now) < CRASH_WINDOW_MS;
}

// How long the container's current run is known to have lasted: up to when podman said it was running, not up to
// `now`. Why: the readers take their time between the inspect and this judgment (a crashed container's exit code and
// logs are read first, seconds under load), and a crash loop's container, running for a moment when inspected, was
// otherwise judged "running for 2 s" and ready, or past CRASH_WINDOW_MS and no longer looping. 0 when unknown.
function runningFor(record: ContainerRecord, now: number): number {
  const started = record.startedAt ? Date.parse(record.startedAt) : Number.NaN;
  // Never past `now` either: a caller's clock (a test's) may run behind the wall clock the inspect was stamped with.
  const seen = Math.min(now, record.observedAt ?? now);
  return Number.isNaN(started) ? 0 : seen - started;
}

/** One container as a Kubernetes ContainerStatus. */
export function toContainerView(
  record: ContainerRecord,
  podName: string,
  extras: ContainerExtras,
  now: number,
): ContainerView {
  const name = containerName(record, podName);
  const base = {
    name,
    image: record.image,
    restartCount: record.restartCount,
    ...(extras.logTail ? { logTail: extras.logTail } : {}),
  };
  const lastExit = extras.lastExitCode ?? (record.status === 'running' ? undefined : record.exitCode);
  const lastState: ContainerStateView | undefined =
    record.restartCount > 0 && lastExit !== undefined
      ? { terminated: { exitCode: lastExit, reason: exitReason(lastExit, record.oomKilled) } }
      : undefined;
  if (isCrashLooping(record, now)) {
    const message = `back-off restarting failed container ${name} in pod ${podName}`;
    return {
      ...base,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message } },
      ...(lastState ? { lastState } : {}),
    };
  }
  const state = currentState(record);
  const ready =
    record.status === 'running' && (extras.probe ? extras.probe.ready : runningFor(record, now) >= STABLE_MS);
  return { ...base, ready, state, ...(lastState ? { lastState } : {}) };
}

function currentState(record: ContainerRecord): ContainerStateView {
  switch (record.status) {
    case 'running':
      return { running: record.startedAt ? { startedAt: record.startedAt } : {} };
    case 'exited':
    case 'stopped':
      return {
        terminated: {
          exitCode: record.exitCode,
          reason: exitReason(record.exitCode, record.oomKilled),
          ...(record.error ? { message: record.error } : {}),
        },
      };
    case 'created':
    case 'configured':
    case 'initialized':
      return {
        waiting: record.error
          ? { reason: 'RunContainerError', message: record.error }
          : { reason: 'ContainerCreating' },
      };
    case 'paused':
      return { waiting: { reason: 'Paused', message: 'the container is paused (podman pause)' } };
    default:
      return {};
  }
}

function exitReason(exitCode: number, oomKilled: boolean): string {
  if (oomKilled) return 'OOMKilled';
  return exitCode === 0 ? 'Completed' : 'Error';
}

/** The pod as the classifier sees it. */
export function toPodView(
  pod: PodRecordLive,
  containers: ContainerRecord[],
  extras: Map<string, ContainerExtras>,
  now: number,
): PodView {
  const views = containers.map((c) => toContainerView(c, pod.name, extras.get(c.id) ?? {}, now));
  const unready = views.filter((v) => !v.ready).map((v) => v.name);
  const ready = views.length > 0 && unready.length === 0;
  const notReady = { reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  const events: NonNullable<PodView['events']> = [];
  for (const container of containers) {
    const probe = extras.get(container.id)?.probe;
    if (probe && !probe.ready && probe.message)
      events.push({ type: 'Warning', reason: 'Unhealthy', message: probe.message });
  }
  for (const view of views) {
    if ('waiting' in view.state && view.state.waiting.reason === 'CrashLoopBackOff')
      events.push({ type: 'Warning', reason: 'BackOff', message: view.state.waiting.message ?? '' });
  }
  const kind = pod.labels[LABEL_WORKLOAD_KIND];
  const workload = pod.labels[LABEL_WORKLOAD];
  const policy = restartPolicyOf(containers);
  return {
    // A bare Pod keeps its manifest name (waiting for a Pod matches by name); others show podman's pod name.
    name: kind === 'Pod' && workload ? workload : pod.name,
    ...(kind && workload ? { owner: { kind, name: workload } } : {}),
    phase: phaseOf(containers, views),
    ...(policy ? { restartPolicy: policy } : {}),
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', ...(ready ? {} : notReady) },
      { type: 'Ready', status: ready ? 'True' : 'False', ...(ready ? {} : notReady) },
    ],
    containers: views,
    ...(events.length > 0 ? { events } : {}),
  };
}

function phaseOf(containers: ContainerRecord[], views: ContainerView[]): PodView['phase'] {
  if (views.length === 0) return 'Pending';
  // Finished for good only when podman will not restart any of the containers.
  const done = containers.every((c) => ended(c) && !willRestart(c));
  if (done) return containers.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
  if (containers.some((c) => c.status === 'running' || c.restartCount > 0 || ended(c))) return 'Running';
  return 'Pending';
}

function restartPolicyOf(containers: ContainerRecord[]): PodView['restartPolicy'] {
  const name = containers[0]?.restartPolicy;
  if (name === undefined) return undefined;
  return name === 'always' ? 'Always' : name === 'on-failure' ? 'OnFailure' : 'Never';
}

function ended(c: ContainerRecord): boolean {
  return c.status === 'exited' || c.status === 'stopped';
}

function willRestart(c: ContainerRecord): boolean {
  return c.restartPolicy === 'always' || (c.restartPolicy === 'on-failure' && c.exitCode !== 0);
}
