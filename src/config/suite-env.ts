// One Env per cluster of a suite, so the single-env machinery (targets, deploy, test) runs each suite's clusters
// unchanged: the cluster's own name, kind config, groups and state dir; the suite's test command. Pure.
import { join } from 'node:path';
import type { Env, SuiteClusterSpec, SuiteSpec } from './types.js';

/** Where a suite cluster keeps its state (kubeconfig, cluster record, podman pods, state.json). */
export function suiteStateDir(env: Pick<Env, 'stateDir'>, suite: string, cluster: string): string {
  return join(env.stateDir, 'suites', `${suite}-${cluster}`);
}

/** The Env of one cluster of a suite: its groups (and `after` within them) and, for every cluster, the suite's test. */
export function suiteClusterEnv(env: Env, suite: SuiteSpec, cluster: SuiteClusterSpec): Env {
  const groups = suite.deploy.filter((g) => cluster.groups.includes(g.name));
  const local = new Set(groups.map((g) => g.name));
  const { kindConfig: _shared, ...clusterRest } = env.cluster;
  const sub: Env = {
    ...env,
    name: cluster.clusterName,
    stateDir: suiteStateDir(env, suite.name, cluster.name),
    cluster: {
      ...clusterRest,
      name: cluster.clusterName,
      ...(cluster.kindConfig !== undefined ? { kindConfig: cluster.kindConfig } : {}),
    },
    // An `after` on another cluster's group is ordered by the suites plan, not by this cluster's deploy.
    deploy: groups.map((g) => ({ ...g, after: g.after.filter((a) => local.has(a)) })),
  };
  delete sub.suites;
  delete sub.test;
  return suite.test ? { ...sub, test: suite.test } : sub;
}

/** Every cluster env of the given suites, keyed `<suite>/<cluster>`, in file order. */
export function suiteClusterEnvs(env: Env, suites: readonly SuiteSpec[]): Map<string, Env> {
  return new Map(
    suites.flatMap((s) => s.clusters.map((c) => [`${s.name}/${c.name}`, suiteClusterEnv(env, s, c)] as const)),
  );
}
