// What a suite's test command sees of its clusters: every cluster's endpoints and test environment in one view.
// With several clusters (a hub and a spoke), each Service is also reachable under its cluster's name.
import type { ClusterTarget } from '../../targets/types.js';

type TestView = Pick<ClusterTarget, 'endpoints' | 'testEnv'>;

/** A cluster of a suite, by its name within the suite (`hub`), with its target. */
export interface NamedCluster {
  name: string;
  target: TestView;
}

// `hub` -> `HUB`; the same rule as the TARMAC_SERVICE_<NAME> variables.
const upper = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * Endpoints: each Service by its own name (the first cluster that has it wins) and, with several clusters, also as
 * `<cluster>-<service>` (TARMAC_SERVICE_HUB_WEB). Test env: the first cluster's (KUBECONFIG), and each cluster's
 * variables again as TARMAC_CLUSTER_<CLUSTER>_<VAR> (TARMAC_CLUSTER_SPOKE_KUBECONFIG).
 */
export function suiteTestTarget(clusters: readonly NamedCluster[]): TestView {
  const several = clusters.length > 1;
  return {
    async endpoints(signal) {
      const merged: Record<string, string> = {};
      for (const cluster of clusters) {
        for (const [service, url] of Object.entries(await cluster.target.endpoints(signal))) {
          if (!(service in merged)) merged[service] = url;
          if (several) merged[`${cluster.name}-${service}`] = url;
        }
      }
      return merged;
    },
    testEnv() {
      const env: Record<string, string> = { ...clusters[0]?.target.testEnv() };
      for (const cluster of clusters)
        for (const [key, value] of Object.entries(cluster.target.testEnv()))
          env[`TARMAC_CLUSTER_${upper(cluster.name)}_${key}`] = value;
      return env;
    },
  };
}

/** What `tarmac test` needs of the env it tests again: its type, health, endpoints and test environment. */
export type LiveTarget = Pick<ClusterTarget, 'type' | 'status' | 'health' | 'endpoints' | 'testEnv'>;

/**
 * A suite's clusters as one live target for `tarmac test --suite`: the suite's test view (suiteTestTarget), healthy
 * only when every cluster exists and is healthy; each problem and node named with its cluster.
 */
export function suiteLiveTarget(clusters: readonly { name: string; target: ClusterTarget }[]): LiveTarget {
  return {
    ...suiteTestTarget(clusters),
    type: clusters[0]!.target.type,
    async status(signal) {
      const states = await Promise.all(clusters.map((c) => c.target.status(signal)));
      return {
        exists: states.every((s) => s.exists),
        healthy: states.every((s) => s.healthy),
        problems: states.flatMap((s, i) => s.problems.map((p) => `${clusters[i]!.name}: ${p}`)),
        nodes: states.flatMap((s) => s.nodes),
        createdByTarmac: states.every((s) => s.createdByTarmac),
      };
    },
  };
}
