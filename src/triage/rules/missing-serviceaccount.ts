// A pod's ServiceAccount is missing: `serviceaccount "x" not found`, `error looking up service account`.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, failureLinesMatching, pods, quote } from './evidence-facts.js';

// Only a missing account: a quota or RBAC refusal (also "pods ... is forbidden") has its own rule.
const SA = /serviceaccount "([^"]+)" not found|error looking up service account/i;

export const missingServiceAccount: Rule = {
  id: 'missing-serviceaccount',
  title: 'A ServiceAccount or RBAC object the pods need does not exist',
  refs: ['research-kubernaut §3 #14'],
  match(input: TriageInput): Match | undefined {
    const lines = failureLinesMatching(input, SA, 3, ['deploy']);
    const podLines = pods(input).flatMap((p) =>
      p.events.filter((e) => SA.test(e)).map((e) => quote(`events ${p.name}`, e)),
    );
    // Without its ServiceAccount no pod exists: the refusal is a FailedCreate event on the ReplicaSet.
    podLines.push(
      ...(input.evidence.workloads?.data?.controllerEvents ?? [])
        .filter((e) => SA.test(e))
        .slice(-2)
        .map((e) => quote('events', e)),
    );
    if (lines.length === 0 && podLines.length === 0) return undefined;
    const account = /serviceaccount "([^"]+)" not found/i.exec([...lines, ...podLines].join('\n'))?.[1];
    const name = clusterName(input);
    return {
      confidence: conf(account ? 0.9 : 0.75),
      explains: ['rbac'],
      summary: `The pods could not be created: ${account ? `ServiceAccount ${account} does not exist` : 'the request was forbidden by RBAC'}. It must be applied before the workload (put it in the same deploy group or one listed in \`after\`).`,
      evidence: [...lines, ...podLines],
      actions: [
        `kubectl --context kind-${name} get events -A --field-selector reason=FailedCreate`,
        `kubectl --context kind-${name} get serviceaccount -A${account ? ` | grep ${account}` : ''}`,
        'add the ServiceAccount/Role/RoleBinding manifests to a deploy group that runs first (`after:`)',
      ],
    };
  },
};
