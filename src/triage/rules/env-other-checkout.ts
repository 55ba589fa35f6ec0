// The env's name is up from another checkout of the project (another clone or worktree with the same `name`): its
// network, pods or kind cluster carry that checkout's labels, and tarmac never touches another checkout's env. Read
// from the error's code and typed fact (src/targets/other-checkout.ts), never from its message.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

export const envOtherCheckout: Rule = {
  id: 'env-other-checkout',
  title: "The env's name is up from another checkout of the project",
  refs: ['corpus: env-held (a second checkout of one project)'],
  match(input: TriageInput): Match | undefined {
    const hits = failedSteps(input.run).filter((f) => f.error?.code === 'ENV_OTHER_CHECKOUT');
    if (hits.length === 0) return undefined;
    const facts = hits.flatMap((h) => (h.error?.fact?.type === 'other-checkout' ? [h.error.fact] : []));
    const checkout = facts.find((f) => f.checkout !== undefined)?.checkout;
    return {
      confidence: conf(0.95),
      summary:
        `Another checkout of this project${checkout ? ` (${checkout})` : ''} has an env of the same name up` +
        `${facts[0] ? `: ${facts[0].what} is its` : ''}; tarmac never changes another checkout's env.`,
      evidence: hits.map((h) => quote(`journal ${h.stepId} [ENV_OTHER_CHECKOUT]`, h.error?.message ?? '')),
      actions: [
        checkout
          ? `tarmac down -f ${checkout}   # if that checkout's env is no longer needed`
          : 'run `tarmac down` in the other checkout, if its env is no longer needed',
        "or give this checkout's env another name: `name:` in its tarmac.yaml",
      ],
    };
  },
};
