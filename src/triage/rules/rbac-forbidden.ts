// The API server's RBAC refused a request: `... is forbidden: User "system:serviceaccount:ns:sa" cannot list
// resource "pods" in API group "" at the cluster scope`. The identity lacks a Role/ClusterRole binding (or runs as
// the wrong ServiceAccount).
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf } from './evidence-facts.js';
import { markerRe, outputMatching } from './infra-markers.js';

const WHO = /User \\?"([^"\\]+)\\?" cannot (\w+)(?: resource)? \\?"?([\w.]+)/;
/** RBAC's escalation prevention: a Role or binding may grant only what its creator holds (or has `escalate`/`bind`). */
const ESCALATION = /is attempting to grant RBAC permissions not currently held|attempt to grant extra privileges/i;
const GRANTER = /\buser \\?"([^"\\]+)\\?" \(groups=/i;

export const rbacForbidden: Rule = {
  id: 'rbac-forbidden',
  title: 'RBAC forbids a request (a Role or binding is missing)',
  refs: ['corpus: rbac-forbidden'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, markerRe('rbac'), 3);
    if (lines.length === 0) return undefined;
    const m = WHO.exec(lines.join('\n'));
    const [user, verb, resource] = [m?.[1], m?.[2], m?.[3]];
    const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(user ?? '');
    const name = clusterName(input);
    if (ESCALATION.test(lines.join('\n'))) {
      const granter = GRANTER.exec(lines.join('\n'))?.[1];
      return {
        confidence: conf(0.85),
        explains: ['rbac'],
        summary: `RBAC refused a Role or binding: ${granter ?? 'the applying user'} may grant only permissions it holds itself (escalation prevention); the manifest grants more (or a verb that does not exist), or the user lacks the escalate/bind verbs.`,
        evidence: lines,
        actions: [
          `kubectl --context kind-${name} auth can-i --list${granter ? ` --as ${granter}` : ''}`,
          'grant only verbs and resources the applying user holds, or apply as a user that may escalate',
        ],
      };
    }
    return {
      confidence: conf(0.85),
      explains: ['rbac'],
      summary: `RBAC forbids ${user ?? 'the caller'} to ${verb ?? 'make the request'}${resource ? ` ${resource}` : ''}: ${sa ? `ServiceAccount ${sa[1]}/${sa[2]} has no Role or ClusterRole binding granting it${sa[2] === 'default' ? ' (the pod runs as the default account: serviceAccountName may be missing)' : ''}` : 'no Role or ClusterRole binding grants it'}.`,
      evidence: lines,
      actions: [
        `kubectl --context kind-${name} auth can-i ${verb ?? '<verb>'} ${resource ?? '<resource>'} ${user ? `--as ${user}` : ''}`.trim(),
        'add (or fix the apiGroups/resources of) the Role/ClusterRole and its binding, applied before the workload',
      ],
    };
  },
};
