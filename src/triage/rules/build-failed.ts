// A Containerfile instruction failed: a user error in the build, not the infrastructure.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLinesMatching, quote } from './evidence-facts.js';
import { failedSteps, incidents } from './journal-facts.js';

/** Signs that the build died of the infrastructure, not of its own instructions (`layer not known`: the engine's
 * storage changed under the build, e.g. a concurrent prune, seen for real here on a LABEL instruction). */
const INFRA =
  /server probably quit|no space left on device|layer not known|exit status 137|\(exited 137\)|signal: killed|Cannot connect to Podman|connection refused|read\/write on closed pipe/i;

export const buildFailed: Rule = {
  id: 'build-failed',
  title: 'A build instruction failed (Containerfile or build context)',
  refs: ['research-kubernaut §3 #24', 'research-kubernaut §3 #22'],
  match(input: TriageInput): Match | undefined {
    const builds = failedSteps(input.run).filter(
      (f) =>
        f.error && /^(BUILD_FAILED|CONTEXT_NOT_FOUND|CONTEXT_UNREADABLE|CONTAINERFILE_UNREADABLE)$/.test(f.error.code),
    );
    if (builds.length === 0) return undefined;
    const infra = failureLinesMatching(input, INFRA, 1, ['build']).length > 0;
    const crashed = incidents(input.run, 'engine-crash', 'engine-lost').length > 0;
    const step = builds[0]!;
    const tail = (step.error?.tail ?? []).filter((l) => l.trim() !== '').slice(-4);
    const image = step.subject ?? step.stepId.replace(/^build:/, '');
    return {
      confidence: conf(infra ? 0.3 : crashed ? 0.6 : 0.9),
      summary: `Image ${image} failed to build: ${step.error?.message.replace(/^image \S+ failed to build /, '') ?? 'a build instruction failed'}. The instruction itself failed (the Containerfile or its context), not the infrastructure.`,
      evidence: [
        quote(`journal ${step.stepId} [${step.error?.code}]`, step.error?.message ?? ''),
        ...tail.map((l) => quote(`${step.stepId} output`, l)),
        ...builds.slice(1).map((b) => quote(`journal ${b.stepId}`, b.error?.message ?? '')),
      ],
      actions: [
        `less .tarmac/runs/${input.run.runId ?? '<run>'}/steps/${step.stepId.replace(/[^a-zA-Z0-9._-]/g, '_')}.log`,
        `tarmac build --only ${image}   # after fixing the Containerfile`,
      ],
    };
  },
};
