// A case's pod as the kind target reads it (PodView): its phase, the container's waiting/terminated state and
// restarts, its events, and the output as the container's log tail. Pure.
import type { ContainerStateView, PodView } from '../../kube/types.js';
import type { CasePod } from './corpus-case.js';
import { visibleLines } from '../similar/visible-output.js';

/**
 * The PodView of a case's pod. Choices (test/corpus/README.md): a case with both a waiting and a terminated state
 * is a restarting container (waiting now, terminated last time, as `kubectl describe` shows it); a FailedScheduling
 * event comes with the PodScheduled=False/Unschedulable condition Kubernetes sets with it; the output is the
 * container's log tail (what `kubectl logs` gives tarmac) unless it only repeats the pod's events.
 */
export function podView(pod: CasePod, output: string): PodView {
  const events: NonNullable<PodView['events']> = (pod.events ?? []).map((e) => ({
    reason: e.reason ?? '',
    message: e.message,
    ...(e.type === 'Warning' || e.type === 'Normal' ? { type: e.type } : {}),
  }));
  const lines = visibleLines(output);
  const repeatsEvents = lines.every((l) => events.some((e) => e.message.includes(l.trim()) || l.includes(e.message)));
  const terminated: ContainerStateView | undefined = pod.terminated
    ? {
        terminated: {
          exitCode: pod.terminated.exitCode ?? 1,
          ...(pod.terminated.reason ? { reason: pod.terminated.reason } : {}),
        },
      }
    : undefined;
  const state: ContainerStateView = pod.waiting
    ? { waiting: { reason: pod.waiting.reason, ...(pod.waiting.message ? { message: pod.waiting.message } : {}) } }
    : (terminated ?? (pod.phase === 'Running' ? { running: {} } : {}));
  const unschedulable = events.find((e) => e.reason === 'FailedScheduling');
  return {
    name: pod.name ?? 'app-7d4b9c6f5d-x2x9k',
    owner: { kind: 'Deployment', name: 'app' },
    phase: pod.phase ?? 'Pending',
    conditions: unschedulable
      ? [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: unschedulable.message }]
      : [],
    containers: [
      {
        name: 'app',
        image: 'localhost/app:tm-0123456789ab',
        ready: false,
        restartCount: pod.restartCount ?? 0,
        state,
        ...(pod.waiting && terminated ? { lastState: terminated } : {}),
        ...(repeatsEvents ? {} : { logTail: lines.slice(-20) }),
      },
    ],
    events,
  };
}
