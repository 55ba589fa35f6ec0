// A deployed container starts and exits again and again (CrashLoopBackOff), or fails to start at all.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, failureLinesMatching, pods, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

const CRASH =
  /CrashLoopBackOff|ContainerFailed|keeps crashing|exited with code [1-9]\d*|RunContainerError|CONTAINER_START_FAILED/;

export const crashLoop: Rule = {
  id: 'crash-loop',
  title: 'A deployed container keeps crashing (CrashLoopBackOff)',
  refs: ['research-kubernaut §3 #15'],
  match(input: TriageInput): Match | undefined {
    const steps = failedSteps(input.run).filter(
      (f) =>
        f.kind === 'deploy' && f.error && (f.error.code === 'CONTAINER_START_FAILED' || CRASH.test(f.error.message)),
    );
    const crashing = pods(input).filter(
      (p) => p.reasons.some((r) => /CrashLoopBackOff|exit [1-9]|Error|ContainerFailed/.test(r)) || p.restarts >= 3,
    );
    if (steps.length === 0 && crashing.length === 0) return undefined;
    const text = [...steps.map((s) => s.error?.message ?? ''), ...crashing.flatMap((p) => p.reasons)].join('\n');
    const exit = /(?:last exit code|exited with code|exit) (\d+)/.exec(text)?.[1];
    // 137 is memory (oom-killed) and OOMKilled has its own rule: stay below it then.
    const oom = exit === '137' || /OOMKilled/.test(text);
    const pod = crashing[0];
    const podName = pod?.name ?? /pod (\S+):/.exec(steps[0]?.error?.message ?? '')?.[1];
    const logs = [
      ...(pod?.logTail ?? []),
      ...failureLinesMatching(input, /^log: /, 5, ['deploy']).map((l) => l.replace(/^[^:]+: log: /, '')),
    ].slice(-5);
    const kind = input.run.env?.target !== 'podman';
    const name = clusterName(input);
    return {
      confidence: conf(oom ? 0.5 : steps.length > 0 ? 0.9 : 0.75),
      explains: ['connection-refused', 'permission'],
      summary: `${podName ? `Pod ${podName}` : 'A pod'}: its container starts and exits${exit ? ` with code ${exit}` : ''}, again and again: the application fails on start (a missing setting, an args/entrypoint mix-up, a dependency it cannot reach). Not an infrastructure fault.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? '')),
        ...crashing.map((p) => quote(`pod ${p.name}`, `${p.reasons.join(', ')}; ${p.restarts} restarts`)),
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
