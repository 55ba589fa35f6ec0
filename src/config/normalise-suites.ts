// The parts of normalisation shared by the top level and the suites: deploy groups, the test command, and the
// suites themselves (shared groups resolved by name, the default cluster, derived cluster names).
import { normaliseHooks } from './normalise-hooks.js';
import type { ConfigOutput } from './schema.js';
import type { DeployGroupSpec, SuiteSpec, TestSpec } from './types.js';

type At = (p: string) => string;
type GroupInput = ConfigOutput['deploy'][number];
type TestInput = NonNullable<ConfigOutput['test']>;

/** The cluster a suite gets when it names none. */
export const DEFAULT_SUITE_CLUSTER = 'main';

/** A deploy group with absolute paths and its Helm chart gathered. */
export function normaliseGroup(group: GroupInput, at: At): DeployGroupSpec {
  return {
    name: group.name,
    manifests: group.manifests.map(at),
    ...(group.kustomize !== undefined ? { kustomize: at(group.kustomize) } : {}),
    ...(group.wait !== undefined ? { wait: group.wait } : {}),
    after: group.after,
    ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
    ...(group.chart !== undefined
      ? {
          helm: {
            chart: at(group.chart),
            release: group.release ?? group.name,
            valuesFiles: group.valuesFiles.map(at),
            values: group.values,
            set: group.set,
          },
        }
      : {}),
    ...(group.hooks !== undefined ? { hooks: normaliseHooks(group.hooks, at) } : {}),
  };
}

/** The test command with absolute paths and its time limit in ms. */
export function normaliseTest(test: TestInput, defaultTimeoutMs: number, at: At, dir: string): TestSpec {
  return {
    command: test.command,
    env: test.env,
    ...(test.junit !== undefined ? { junit: at(test.junit) } : {}),
    timeoutMs: test.timeout ?? defaultTimeoutMs,
    cwd: test.cwd !== undefined ? at(test.cwd) : dir,
    ...(test.list !== undefined ? { list: test.list } : {}),
  };
}

/** Every suite, its `uses` resolved against the top-level groups (the load rules have checked the names). */
export function normaliseSuites(config: ConfigOutput, at: At, dir: string): SuiteSpec[] {
  const shared = new Map(config.deploy.map((g) => [g.name, g]));
  return (config.suites ?? []).map((suite) => {
    const groups = [
      ...suite.uses.flatMap((name) => {
        const group = shared.get(name);
        return group ? [normaliseGroup(group, at)] : [];
      }),
      ...suite.deploy.map((g) => normaliseGroup(g, at)),
    ];
    const clusters = suite.clusters ?? [{ name: DEFAULT_SUITE_CLUSTER, deploy: groups.map((g) => g.name) }];
    return {
      name: suite.name,
      images: suite.images,
      deploy: groups,
      clusters: clusters.map((c) => ({
        name: c.name,
        clusterName: `${config.name}-${suite.name}-${c.name}`,
        ...(c.kindConfig !== undefined ? { kindConfig: at(c.kindConfig) } : {}),
        groups: c.deploy,
      })),
      ...(suite.test !== undefined ? { test: normaliseTest(suite.test, config.timeouts.test, at, dir) } : {}),
      ...(suite.memory !== undefined ? { memoryBytes: suite.memory } : {}),
    };
  });
}
