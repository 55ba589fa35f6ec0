// Every engine command hangs (a machine hung after sleep, an overloaded service): the probe timed out.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engine, engineCmd, failureLinesMatching, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

/** The watchdogs' words for a probe that got no answer. */
const NO_ANSWER = /engine probe(: FAILED,| failed:) no answer within|health probe says: (FAILED, )?no answer/i;

export const engineHung: Rule = {
  id: 'engine-hung',
  title: 'The container engine hangs: it accepts calls but never answers',
  refs: ['research-kind-podman §B 5', 'research-kubernaut §3 #3'],
  match(input: TriageInput): Match | undefined {
    const e = engine(input);
    const lines = [
      ...failureLinesMatching(input, NO_ANSWER, 3),
      ...failedSteps(input.run)
        .filter((f) => f.error?.code === 'ENGINE_TIMEOUT')
        .map((f) => quote(`journal ${f.stepId} [ENGINE_TIMEOUT]`, f.error?.message ?? '')),
    ];
    if (!e?.hung && lines.length === 0) return undefined;
    const confidence = e?.hung ? (lines.length > 0 ? 0.9 : 0.8) : e?.reachable ? 0.45 : 0.65;
    const cmd = engineCmd(input);
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(confidence),
      explains: ['timeout', 'connection-refused'],
      summary: `The ${cmd} engine hangs: ${e?.hung ? `\`${cmd} info\` did not answer within ${e.probeMs} ms` : 'the watchdog probe got no answer'}, so steps waited instead of failing.`,
      evidence: [
        ...(e?.hung ? [quote('engine', `${cmd} info: no answer within ${e.probeMs} ms`)] : []),
        ...(e?.reachable ? [quote('engine', `${cmd} answers again now (${e.probeMs} ms)`)] : []),
        ...lines,
      ],
      actions: [
        ...(machine
          ? ['podman machine stop; podman machine start']
          : [`systemctl --user restart podman.socket   # or restart the service behind CONTAINER_HOST`]),
        `timeout 10 ${cmd} info`,
        'tarmac up --heal   # restarts a podman machine while waiting',
      ],
    };
  },
};
