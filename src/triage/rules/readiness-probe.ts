// The container runs but its readiness (or startup) probe keeps failing until the deploy timeout.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLinesMatching, pods, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

const LIVENESS = /Liveness probe failed|failed liveness probe, will be restarted/i;
/** The kubelet's Unhealthy events for a readiness or startup probe: it `failed`, or could not run (`errored`). */
const PROBE = /ReadinessProbeFailing|StartupProbeFailing|(Readiness|Startup) probe (?:failed|errored)/i;

export const readinessProbe: Rule = {
  id: 'readiness-probe-failing',
  title: 'A container runs but never passes its readiness probe',
  refs: ['research-kubernaut §3 #17'],
  match(input: TriageInput): Match | undefined {
    const stepLines = failureLinesMatching(input, PROBE, 3, ['deploy']);
    const podProbe = pods(input).flatMap((p) =>
      p.events.filter((e) => PROBE.test(e)).map((e) => quote(`events ${p.name}`, e)),
    );
    const lines = [...stepLines, ...podProbe].slice(0, 3);
    // A liveness probe that fails has the kubelet restart the container: the probe, not the program, ends it.
    const liveness = lines.length > 0 ? [] : failureLinesMatching(input, LIVENESS, 3, ['deploy']);
    const podLiveness =
      lines.length > 0 || liveness.length > 0
        ? []
        : pods(input).flatMap((p) => p.events.filter((e) => LIVENESS.test(e)).map((e) => quote(`events ${p.name}`, e)));
    // Kubernetes marks a running container Ready only once its readiness (and startup) probe passed: a pod that
    // runs, never restarted and has no waiting or terminated reason, yet is not ready when the deploy gave up, is
    // held by its probe even when no probe event was kept. Only the pod's state says so: below an even chance.
    const deployFailed = failedSteps(input.run).some((f) => f.kind === 'deploy');
    const unready =
      deployFailed && lines.length === 0 && liveness.length === 0 && podLiveness.length === 0
        ? pods(input).filter((p) => p.phase === 'Running' && !p.ready && p.restarts === 0 && p.reasons.length === 0)
        : [];
    const all = [
      ...lines,
      ...liveness,
      ...podLiveness.slice(0, 3),
      ...unready.map((p) => quote(`pod ${p.name}`, 'Running, not ready, no restarts, no waiting or terminated reason')),
    ];
    if (all.length === 0) return undefined;
    const probe = /(Readiness|Startup|Liveness) probe failed: ([^;)\n]+)/i.exec(all.join('\n'));
    return {
      confidence: conf(lines.length > 0 ? 0.75 : unready.length > 0 ? 0.45 : 0.6),
      explains: ['timeout', 'connection-refused'],
      summary: `A container runs but its ${probe?.[1]?.toLowerCase() ?? 'readiness'} probe keeps failing${probe ? ` (${probe[2]?.trim()})` : ''}${unready.length > 0 ? ' (no probe event kept: the pod runs but never became ready)' : lines.length === 0 ? ', so the kubelet restarts it' : ''}: a wrong probe path or port, or a dependency it waits for.`,
      evidence: all,
      actions: [
        "check the probe's path and port against what the service serves",
        'check the services it depends on are in a deploy group listed in `after`',
      ],
    };
  },
};
