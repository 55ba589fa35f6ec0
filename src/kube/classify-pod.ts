// The readiness classifier: one pod in, one verdict out (ready, still waiting, or failed for good). Pure.
import { classifyContainer, type ContainerFinding } from './classify-container.js';
import type { PodVerdict, PodView } from './types.js';

/** How many recent warning events a verdict carries as evidence. */
const EVENT_EVIDENCE = 5;

/** Classifies a pod; see src/kube/README.md for the reasons and which are permanent. */
export function classifyPod(pod: PodView): PodVerdict {
  const verdict = (state: PodVerdict['state'], reason: string, detail: string, logs: string[] = []): PodVerdict => ({
    pod: pod.name,
    state,
    reason,
    detail,
    evidence: evidence(pod, logs),
  });
  const fromFinding = (f: ContainerFinding): PodVerdict => ({
    ...verdict(f.state, f.reason, f.detail, f.logs),
    ...(f.exitCode === undefined ? {} : { exitCode: f.exitCode }),
  });

  if (pod.phase === 'Succeeded') return verdict('ready', 'Completed', 'pod ran to completion');
  const findings = containerFindings(pod);
  const failed = findings.find((f) => f.state === 'failed');
  if (failed) return fromFinding(failed);
  if (pod.phase === 'Failed') {
    // An evicted pod is replaced by its controller; waiting for the replacement is right.
    if (pod.reason === 'Evicted') return verdict('waiting', 'Evicted', pod.message ?? 'pod was evicted');
    return verdict('failed', pod.reason ?? 'PodFailed', pod.message ?? 'pod failed');
  }
  const scheduled = pod.conditions.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') {
    return verdict(
      'waiting',
      scheduled.reason ?? 'Unschedulable',
      scheduled.message ?? 'the scheduler has not placed the pod yet',
    );
  }
  const waiting = findings[0];
  if (waiting) return fromFinding(waiting);
  if (pod.phase === 'Pending') return verdict('waiting', 'Pending', conditionMessage(pod) ?? 'pod is pending');
  if (pod.phase === 'Unknown')
    return verdict('waiting', 'Unknown', pod.message ?? 'the node stopped reporting the pod');
  if (isReady(pod)) return verdict('ready', 'Ready', 'pod is ready');
  return notReady(pod, verdict);
}

// Init containers first: while one of them is stuck, the others have not started.
function containerFindings(pod: PodView): ContainerFinding[] {
  const init = (pod.initContainers ?? []).map((c) => classifyContainer(c, pod, true));
  const main = pod.containers.map((c) => classifyContainer(c, pod, false));
  return [...init, ...main].filter((f): f is ContainerFinding => f !== undefined);
}

function isReady(pod: PodView): boolean {
  const ready = pod.conditions.find((c) => c.type === 'Ready');
  if (ready) return ready.status === 'True';
  // Targets without pod conditions (podman) report readiness per container.
  return pod.containers.length > 0 && pod.containers.every((c) => c.ready);
}

// Running but not Ready: a failing probe says why, else the Ready condition's message does.
function notReady(pod: PodView, verdict: (s: PodVerdict['state'], r: string, d: string) => PodVerdict): PodVerdict {
  const probe = [...(pod.events ?? [])]
    .reverse()
    .find((e) => e.reason === 'Unhealthy' && /^(Readiness|Startup) probe failed/.test(e.message));
  if (probe)
    return verdict(
      'waiting',
      probe.message.startsWith('Startup') ? 'StartupProbeFailing' : 'ReadinessProbeFailing',
      probe.message,
    );
  const unready = pod.containers.filter((c) => !c.ready).map((c) => c.name);
  const detail =
    conditionMessage(pod) ??
    (unready.length > 0 ? `containers with unready status: [${unready.join(' ')}]` : 'pod is not ready');
  return verdict('waiting', 'NotReady', detail);
}

function conditionMessage(pod: PodView): string | undefined {
  const cond = pod.conditions.find((c) => c.status !== 'True' && c.message);
  return cond?.message;
}

// Recent warning events, then the log lines, each as `reason: message` / `log: line`.
function evidence(pod: PodView, logs: string[]): string[] {
  const warnings = (pod.events ?? []).filter((e) => e.type === 'Warning').slice(-EVENT_EVIDENCE);
  return [...warnings.map((e) => `${e.reason}: ${e.message}`), ...logs.map((line) => `log: ${line}`)];
}
