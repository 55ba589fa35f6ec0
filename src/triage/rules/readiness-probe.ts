// The container runs but its readiness (or startup) probe keeps failing until the deploy timeout.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLinesMatching } from './evidence-facts.js';

export const readinessProbe: Rule = {
  id: 'readiness-probe-failing',
  title: 'A container runs but never passes its readiness probe',
  refs: ['research-kubernaut §3 #17'],
  match(input: TriageInput): Match | undefined {
    const lines = failureLinesMatching(
      input,
      /ReadinessProbeFailing|StartupProbeFailing|(Readiness|Startup) probe failed/i,
      3,
      ['deploy'],
    );
    if (lines.length === 0) return undefined;
    const probe = /(Readiness|Startup) probe failed: ([^;)]+)/i.exec(lines.join('\n'));
    return {
      confidence: conf(0.75),
      explains: ['timeout', 'connection-refused'],
      summary: `A container runs but its ${probe?.[1]?.toLowerCase() ?? 'readiness'} probe keeps failing${probe ? ` (${probe[2]?.trim()})` : ''}: a wrong probe path or port, or a dependency it waits for.`,
      evidence: lines,
      actions: [
        "check the probe's path and port against what the service serves",
        'check the services it depends on are in a deploy group listed in `after`',
      ],
    };
  },
};
