// A cluster (or leftover node containers) with the env's cluster name already exists and tarmac may not use it.
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterLines, clusterName, conf, engineCmd, envCluster, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';

export const kindNameCollision: Rule = {
  id: 'kind-name-collision',
  title: 'A kind cluster or leftover nodes with the same name already exist',
  refs: ['research-kind-podman §B 10', 'research-kubernaut §3 #18'],
  match(input: TriageInput): Match | undefined {
    const hits = failedSteps(input.run).filter(
      (f) =>
        f.error &&
        (/^(CLUSTER_EXISTS|CLUSTER_FOREIGN)$/.test(f.error.code) ||
          /node\(s\) already exist for a cluster with the name/i.test(
            [f.error.message, ...(f.error.tail ?? [])].join('\n'),
          )),
    );
    if (hits.length === 0) return undefined;
    const name = clusterName(input);
    const foreign = hits.some((h) => h.error?.code === 'CLUSTER_FOREIGN');
    const cluster = envCluster(input);
    const cmd = engineCmd(input);
    return {
      confidence: conf(0.9),
      summary: foreign
        ? `kind cluster ${name} exists and must be recreated, but tarmac did not create it, so it will not delete it.`
        : `Node containers labelled for kind cluster ${name} already exist (another run, or leftovers of an aborted create or delete).`,
      evidence: [
        ...hits.map((h) => quote(`journal ${h.stepId} [${h.error?.code}]`, h.error?.message ?? '')),
        ...(cluster ? clusterLines(cluster) : []),
      ],
      actions: [
        `${cmd} ps -a --filter label=io.x-k8s.kind.cluster=${name} --format '{{.Names}} {{.State}}'`,
        `kind delete cluster --name ${name}   # only if nothing else uses it`,
        'or rename cluster.name in tarmac.yaml',
      ],
    };
  },
};
