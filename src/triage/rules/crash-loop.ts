// A deployed container starts and exits again and again (CrashLoopBackOff), or fails to start at all.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, failureLinesMatching, pods, quote } from './evidence-facts.js';
import type { WorkloadFact } from '../../errors/error-facts.js';
import { errorFact, failedSteps, type FailedStep } from './journal-facts.js';
import { outputMatching } from './infra-markers.js';

/** Kubernetes' words for a container that does not stay up, as kubectl's output or a pod's message quotes them. */
const CRASH = /CrashLoopBackOff|RunContainerError/;

/** The readiness classifier's reasons for a container that crashed (src/kube/classify-container.ts). */
const CRASH_REASONS = new Set(['CrashLoopBackOff', 'ContainerFailed', 'RunContainerError']);

/**
 * A program's last words before it exits on a fatal error, in the forms runtimes and log libraries print them
 * (klog/glog `F0112 12:29:59.48 ...`, a Go panic, `[FATAL]`/`level=fatal`, the kernel's `exec format error`, an
 * entrypoint that is not there, an uncaught Python or Java exception). In a container's log they say it exited.
 */
const FATAL_LOG =
  /^F\d{4} \d\d:\d\d:\d\d|^panic: |^\[FATAL\]|^FATAL[: ]|\blevel=fatal\b|"level":"fatal"|exec format error|executable file not found in \$PATH|^Traceback \(most recent call last\):|^Exception in thread "main"/;

/** The kubelet's BackOff event for a container it keeps restarting (the event behind CrashLoopBackOff). */
const RESTART_BACKOFF = /Back-off restarting failed container/i;

/** The Job controller failing a Job (job-failed's words). */
const JOB_FAILED =
  /BackoffLimitExceeded|reache?d? the specified backoff limit|(?<!code = )\bDeadlineExceeded\b(?!: context deadline| desc = )|was active longer than specified deadline/i;
/** The kubelet killing a container for its liveness probe. */
const LIVENESS_KILL = /Liveness probe failed|failed liveness probe, will be restarted/i;

/** The workloads a deploy step gave up on (its typed fact). */
function workloads(step: FailedStep | undefined): WorkloadFact[] {
  return step ? (errorFact(step, 'workloads')?.workloads ?? []) : [];
}

/** A workload whose container crashed: a crash reason, or a restart after a non-zero exit. */
function crashed(w: WorkloadFact): boolean {
  return CRASH_REASONS.has(w.reason) || (w.exitCode ?? 0) > 0;
}

export const crashLoop: Rule = {
  id: 'crash-loop',
  title: 'A deployed container keeps crashing (CrashLoopBackOff)',
  refs: ['research-kubernaut §3 #15'],
  match(input: TriageInput): Match | undefined {
    const steps = failedSteps(input.run).filter(
      (f) =>
        f.kind === 'deploy' &&
        f.error &&
        (f.error.code === 'CONTAINER_START_FAILED' || workloads(f).some(crashed) || CRASH.test(f.error.message)),
    );
    const crashing = pods(input).filter(
      (p) =>
        p.reasons.some((r) => /CrashLoopBackOff|exit [1-9]|Error|ContainerFailed/.test(r)) ||
        p.restarts >= 3 ||
        p.events.some((e) => RESTART_BACKOFF.test(e)),
    );
    // A pod that never got ready whose log ends in a fatal error: its container exits on start, whether or not
    // the pod's status has reached CrashLoopBackOff yet.
    const fatal = pods(input).filter(
      (p) => !p.ready && !crashing.includes(p) && p.logTail.slice(-5).some((l) => FATAL_LOG.test(l.trim())),
    );
    if (steps.length === 0 && crashing.length === 0 && fatal.length === 0) return undefined;
    const text = [...steps.map((s) => s.error?.message ?? ''), ...crashing.flatMap((p) => p.reasons)].join('\n');
    // The exit code: from the deploy's typed fact, else as a pod's reasons or an engine's output say it (`exit 2`).
    const exit =
      steps
        .flatMap(workloads)
        .find((w) => w.exitCode !== undefined)
        ?.exitCode?.toString() ?? /exit (\d+)/.exec(text)?.[1];
    // 137 is memory (oom-killed) and OOMKilled has its own rule: stay below it then.
    const oom = exit === '137' || /OOMKilled/.test(text);
    const pod = crashing[0] ?? fatal[0];
    const podName = pod?.name ?? workloads(steps[0]).find((w) => w.state === 'failed')?.pod;
    const logs = [
      ...(pod?.logTail ?? []),
      ...failureLinesMatching(input, /^log: /, 5, ['deploy']).map((l) => l.replace(/^[^:]+: log: /, '')),
    ].slice(-5);
    // A Job the controller failed (backoff limit, deadline) explains its failed pods; a liveness probe that has
    // the kubelet kill the container explains the restarts. The crash is then their consequence, not the cause.
    const job = outputMatching(input, JOB_FAILED, 1, ['deploy', 'test', 'pod']).length > 0;
    const liveness = outputMatching(input, LIVENESS_KILL, 1, ['deploy', 'pod']).length > 0;
    const kind = input.run.env?.target !== 'podman';
    const name = clusterName(input);
    return {
      confidence: conf(job || liveness ? 0.4 : oom ? 0.5 : steps.length > 0 ? 0.9 : crashing.length > 0 ? 0.75 : 0.6),
      // The container's own crash (its Go panic, a segfault) is what this verdict names.
      explains: ['connection-refused', 'permission', 'crash'],
      summary: `${podName ? `Pod ${podName}` : 'A pod'}: its container starts and exits${exit ? ` with code ${exit}` : ''}, again and again: the application fails on start (a missing setting, an args/entrypoint mix-up, a dependency it cannot reach). Not an infrastructure fault.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? '')),
        ...crashing.map((p) => quote(`pod ${p.name}`, `${p.reasons.join(', ')}; ${p.restarts} restarts`)),
        ...fatal.map((p) => quote(`pod ${p.name}`, `not ready; its log ends in a fatal error`)),
        ...logs.map((l) => quote('container log', l)),
      ],
      actions: kind
        ? [
            `kubectl --context kind-${name} logs ${podName ?? '<pod>'} --previous`,
            `kubectl --context kind-${name} describe pod ${podName ?? '<pod>'}`,
          ]
        : [
            `podman pod logs ${podName ?? '<pod>'}`,
            `podman ps -a --pod --filter pod=${podName ?? '<pod>'} --format '{{.Names}} {{.Status}}'`,
          ],
    };
  },
};
