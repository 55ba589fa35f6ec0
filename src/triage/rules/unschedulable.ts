// No node can take a pod: resource requests, taints, selectors, or a node that is NotReady.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf, failureLinesMatching, pods, quote } from './evidence-facts.js';

const UNSCHEDULABLE = /Unschedulable|FailedScheduling|didn't match|Insufficient (cpu|memory)|untolerated taint/i;

/** The taint the node lifecycle controller sets on a node whose kubelet is not ready or not reporting. */
export const NOT_READY_TAINT = /taints? \{node\.kubernetes\.io\/(?:not-ready|unreachable)\b/i;
/** The taints the kubelet's node conditions put on a node short of disk, memory or pids (the node's state, not the pod's). */
const PRESSURE_TAINT = /taints? \{node\.kubernetes\.io\/(?:disk|memory|pid)-pressure\b/i;

/** kube-scheduler's NodePorts filter: the pod's hostPort is already taken on the node. */
export const HOST_PORTS_TAKEN = /didn't have free ports for the requested pod ports/i;

export const unschedulable: Rule = {
  id: 'unschedulable',
  title: 'A pod cannot be scheduled on any node',
  refs: ['research-kind-podman §B 13 (too small for the nodes)', 'research-kind-podman §B 16'],
  match(input: TriageInput): Match | undefined {
    const lines = failureLinesMatching(input, UNSCHEDULABLE, 3, ['deploy']);
    const pending = pods(input).filter(
      (p) => p.reasons.some((r) => UNSCHEDULABLE.test(r)) || p.events.some((e) => /FailedScheduling/.test(e)),
    );
    if (lines.length === 0 && pending.length === 0) return undefined;
    const insufficient = /Insufficient (cpu|memory)/i.exec([...lines, ...pending.flatMap((p) => p.events)].join('\n'));
    const name = clusterName(input);
    // The only refusal is the taint Kubernetes puts on a node that is not ready: the node is the cause
    // (kubelet-not-ready), the pending pod its consequence.
    const text = [...lines, ...pending.flatMap((p) => p.events)].join('\n');
    const notReadyOnly = NOT_READY_TAINT.test(text) && !/Insufficient|didn't match|other taint/i.test(text);
    // Likewise a node under disk, memory or pid pressure: the pressure is the cause (disk-full, out of memory).
    const pressureOnly = PRESSURE_TAINT.test(text) && !/Insufficient|didn't match|other taint/i.test(text);
    // And a hostPort another pod or process holds on every node (the scheduler's NodePorts filter): the port is the
    // cause (host-port-in-use).
    const portsOnly = HOST_PORTS_TAKEN.test(text) && !/Insufficient|didn't match|untolerated taint/i.test(text);
    return {
      confidence: conf(notReadyOnly || pressureOnly || portsOnly ? 0.45 : 0.8),
      explains: ['no-space', 'memory'],
      summary: insufficient
        ? `No node has enough ${insufficient[1]} for the pod's requests.`
        : 'No node can take the pod: its requests, nodeSelector, affinity or tolerations exclude every node (or no node is Ready).',
      evidence: [
        ...lines,
        ...pending.flatMap((p) =>
          p.events
            .filter((e) => /FailedScheduling/.test(e))
            .slice(-2)
            .map((e) => quote(`events ${p.name}`, e)),
        ),
      ],
      actions: [
        `kubectl --context kind-${name} describe nodes | grep -A6 -E 'Conditions|Allocated'`,
        "lower the pod's resource requests, or check nodeSelector, affinity and taints",
      ],
    };
  },
};
