// kind still lists the cluster, but its node container is not running and the API refuses connections.
import type { Match, Rule, TriageInput } from '../types.js';
import {
  brokenCluster,
  clusterLines,
  conf,
  downNodes,
  engine,
  engineCmd,
  envCluster,
  failureLinesMatching,
  quote,
} from './evidence-facts.js';
import { failedSteps, incidents } from './journal-facts.js';
import { outputMatching } from './infra-markers.js';

/** What tarmac's steps print when a node container is not running. */
const NODE_DOWN =
  /container state improper|can only create exec sessions on running containers|NODE_UNAVAILABLE|was refused - did you specify the right host|connect: connection refused/i;

/** The kubelet's own health port refusing (kubeadm's `[kubelet-check]`): the node runs, its kubelet does not. */
const KUBELET_PORT = /:10248\b|\[kubelet-check\]/;

export const kindNodeStopped: Rule = {
  id: 'kind-node-stopped',
  title: 'kind lists the cluster, but its node container is not running and the API is unreachable',
  refs: [
    'research-kubernaut §3 #2',
    'research-kubernaut §3 #8',
    'research-kind-podman §B 21',
    'research-kind-podman §B 22',
  ],
  match(input: TriageInput): Match | undefined {
    const cluster = brokenCluster(input);
    // A node that stopped while kind was still creating it did not boot (kind-node-start names it); this rule is
    // about a node of a cluster that had come up.
    const creating = outputMatching(input, /failed to create cluster/i, 1, ['cluster']).length > 0;
    const kinds = creating ? ['deliver', 'deploy', 'test'] : ['cluster', 'deliver', 'deploy', 'test'];
    const lines = failureLinesMatching(input, NODE_DOWN, 6, kinds)
      .filter((l) => !KUBELET_PORT.test(l))
      .slice(0, 3);
    const nodeErrors = failedSteps(input.run).filter((f) => f.error?.code === 'NODE_UNAVAILABLE');
    if (!cluster) {
      // Without the cluster evidence, the step text alone is a hint (the node may have been restarted since).
      const c = envCluster(input);
      if (lines.length === 0 || c === undefined || c.target !== 'kind' || (downNodes(c).length === 0 && c.api?.ok))
        return undefined;
    }
    const down = cluster ? downNodes(cluster) : [];
    const refused = cluster?.api !== undefined && /refused|connection reset|EOF/i.test(cluster.api.detail);
    let confidence = cluster ? (refused || nodeErrors.length > 0 || lines.length > 0 ? 0.85 : 0.75) : 0.45;
    // A dead node after an engine crash is the crash's casualty, not the root cause.
    const crashed = incidents(input.run, 'engine-crash', 'engine-lost').length > 0;
    const engineDown = engine(input)?.reachable === false;
    if (crashed || engineDown) confidence -= 0.2;
    const name = cluster?.name ?? envCluster(input)?.name ?? input.run.env?.clusterName ?? '<cluster>';
    const cmd = engineCmd(input);
    const nodes = down.map((n) => n.name);
    return {
      confidence: conf(confidence),
      explains: ['connection-refused', 'timeout', 'network'],
      summary: `kind cluster ${name} is listed, but ${nodes.length > 0 ? `node container ${nodes.join(', ')} is ${down[0]?.state}` : 'its node is not answering'}${refused ? ' and its API refuses connections' : ''}${crashed ? ' (after the engine crash recorded in this run)' : ''}: podman does not restart kind nodes by itself.`,
      evidence: [
        ...(cluster ? clusterLines(cluster) : []),
        ...down.flatMap((n) => (n.logTail ?? []).slice(-2).map((l) => quote(`${cmd} logs ${n.name}`, l))),
        ...lines,
      ],
      actions: [
        `${cmd} ps -a --filter label=io.x-k8s.kind.cluster=${name} --format '{{.Names}} {{.State}}'`,
        nodes.length > 0
          ? `${cmd} start ${nodes.join(' ')} && kubectl --context kind-${name} get --raw /readyz`
          : `kubectl --context kind-${name} get --raw /readyz`,
        `kind delete cluster --name ${name}   # if it does not come back; tarmac up recreates it`,
      ],
    };
  },
};
