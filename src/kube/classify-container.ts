// What one container's state says about its pod: nothing (fine or done), waiting, or failed for good.
import type { ContainerView, PodView } from './types.js';

/**
 * Waiting reasons that do not clear up by waiting longer. ErrImagePull is not among them: a first pull
 * can fail on a network hiccup, and the kubelet turns a real failure into ImagePullBackOff soon after.
 * CreateContainerError is not either: it is often a transient runtime conflict (name in use).
 */
const PERMANENT_WAITING = new Set([
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'RunContainerError',
]);

/** How to say the usual waiting reasons that come without a message. */
const QUIET_REASONS: Record<string, string> = {
  ContainerCreating: 'is being created',
  PodInitializing: 'waits for the init containers',
};

/** A container-level finding; `state` is the pod's verdict state it implies. */
export interface ContainerFinding {
  state: 'waiting' | 'failed';
  reason: string;
  detail: string;
  /** Log lines worth showing (crash loops, failed run-once containers). */
  logs: string[];
  /** The non-zero exit code of the container's last run, when it ran and exited (a crash). */
  exitCode?: number;
}

/** The finding for one container, or undefined when it is running, done, or not started yet. */
export function classifyContainer(c: ContainerView, pod: PodView, init: boolean): ContainerFinding | undefined {
  const what = `${init ? 'init container' : 'container'} ${c.name}`;
  if ('waiting' in c.state) {
    const { reason, message } = c.state.waiting;
    if (reason === 'CrashLoopBackOff') return crashLoop(c, what);
    const detail = message ? `${what}: ${message}` : `${what} ${QUIET_REASONS[reason] ?? `is waiting (${reason})`}`;
    return { state: PERMANENT_WAITING.has(reason) ? 'failed' : 'waiting', reason, detail, logs: [] };
  }
  if ('terminated' in c.state) {
    const { exitCode, reason, message } = c.state.terminated;
    if (exitCode === 0) return undefined;
    const how = `${what} exited with code ${exitCode}${reason ? ` (${reason})` : ''}${message ? `: ${message.trim()}` : ''}`;
    // With restartPolicy Never nothing will run it again; otherwise the kubelet restarts it (and soon reports CrashLoopBackOff).
    if (pod.restartPolicy === 'Never' || pod.phase === 'Failed')
      return { state: 'failed', reason: 'ContainerFailed', detail: how, logs: c.logTail ?? [], exitCode };
    return { state: 'waiting', reason: 'Restarting', detail: `${how}; restarting`, logs: c.logTail ?? [], exitCode };
  }
  if (init && 'running' in c.state)
    return { state: 'waiting', reason: 'Initializing', detail: `${what} is running`, logs: [] };
  return undefined;
}

function crashLoop(c: ContainerView, what: string): ContainerFinding {
  const last = c.lastState !== undefined && 'terminated' in c.lastState ? c.lastState.terminated : undefined;
  const exit = last
    ? `last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}`
    : 'no exit code recorded';
  const restarts = `${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}`;
  return {
    state: 'failed',
    reason: 'CrashLoopBackOff',
    detail: `${what} keeps crashing: ${exit}, ${restarts}`,
    logs: c.logTail ?? [],
    ...(last ? { exitCode: last.exitCode } : {}),
  };
}
