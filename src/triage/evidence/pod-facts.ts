// PodFacts from a PodView (the shape both targets' pods are read into): phase, readiness, restarts, the reasons
// behind a failing pod (waiting/terminated reasons, exit codes), its events and log tail.
import type { ContainerStateView, ContainerView, PodView } from '../../kube/types.js';
import type { PodFacts } from '../types.js';

/** Whether the pod needs looking at: not ready and not finished successfully. */
export function isFailing(pod: PodFacts): boolean {
  return !pod.ready && pod.phase !== 'Succeeded';
}

/** PodFacts of one PodView; `logTail` comes from the caller (kubectl/podman logs). */
export function podFacts(view: PodView, logTail: string[] = []): PodFacts {
  const containers = [...(view.initContainers ?? []), ...view.containers];
  const reasons = new Set<string>();
  if (view.reason) reasons.add(view.reason);
  for (const c of view.conditions)
    if (c.status === 'False' && c.reason === 'Unschedulable') reasons.add('Unschedulable');
  for (const c of containers) for (const r of containerReasons(c)) reasons.add(r);
  return {
    name: view.name,
    phase: view.phase,
    ready: view.phase === 'Succeeded' || (view.containers.length > 0 && view.containers.every((c) => c.ready)),
    restarts: containers.reduce((sum, c) => sum + c.restartCount, 0),
    reasons: [...reasons],
    images: [...new Set(view.containers.map((c) => c.image))],
    events: (view.events ?? [])
      .filter((e) => e.type !== 'Normal')
      .map((e) => `${e.reason}: ${e.message}`)
      .slice(-10),
    logTail: logTail.length > 0 ? logTail : containers.flatMap((c) => c.logTail ?? []).slice(-20),
  };
}

function containerReasons(c: ContainerView): string[] {
  const out = stateReasons(c.state);
  // The last run's end explains a crash loop (OOMKilled, exit 2) while the current state only says BackOff.
  if (c.lastState && c.restartCount > 0) out.push(...stateReasons(c.lastState));
  return out;
}

function stateReasons(state: ContainerStateView): string[] {
  if ('waiting' in state) return [state.waiting.reason];
  if ('terminated' in state) {
    const t = state.terminated;
    const out = t.reason && t.reason !== 'Completed' && t.reason !== 'Error' ? [t.reason] : [];
    if (t.exitCode !== 0) out.push(`exit ${t.exitCode}`);
    return out;
  }
  return [];
}
