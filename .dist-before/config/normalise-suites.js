import { normaliseHooks } from "./normalise-hooks.js";
const DEFAULT_SUITE_CLUSTER = "main";
function normaliseGroup(group, at) {
  return {
    name: group.name,
    manifests: group.manifests.map(at),
    ...group.kustomize !== void 0 ? { kustomize: at(group.kustomize) } : {},
    ...group.wait !== void 0 ? { wait: group.wait } : {},
    after: group.after,
    ...group.namespace !== void 0 ? { namespace: group.namespace } : {},
    ...group.chart !== void 0 ? {
      helm: {
        chart: at(group.chart),
        release: group.release ?? group.name,
        valuesFiles: group.valuesFiles.map(at),
        values: group.values,
        set: group.set
      }
    } : {},
    ...group.hooks !== void 0 ? { hooks: normaliseHooks(group.hooks, at) } : {}
  };
}
function normaliseTest(test, defaultTimeoutMs, at, dir) {
  return {
    command: test.command,
    env: test.env,
    ...test.junit !== void 0 ? { junit: at(test.junit) } : {},
    timeoutMs: test.timeout ?? defaultTimeoutMs,
    cwd: test.cwd !== void 0 ? at(test.cwd) : dir,
    ...test.list !== void 0 ? { list: test.list } : {}
  };
}
function normaliseSuites(config, at, dir) {
  const shared = new Map(config.deploy.map((g) => [g.name, g]));
  return (config.suites ?? []).map((suite) => {
    const groups = [
      ...suite.uses.flatMap((name) => {
        const group = shared.get(name);
        return group ? [normaliseGroup(group, at)] : [];
      }),
      ...suite.deploy.map((g) => normaliseGroup(g, at))
    ];
    const clusters = suite.clusters ?? [{ name: DEFAULT_SUITE_CLUSTER, deploy: groups.map((g) => g.name) }];
    return {
      name: suite.name,
      images: suite.images,
      deploy: groups,
      clusters: clusters.map((c) => ({
        name: c.name,
        clusterName: `${config.name}-${suite.name}-${c.name}`,
        ...c.kindConfig !== void 0 ? { kindConfig: at(c.kindConfig) } : {},
        groups: c.deploy
      })),
      ...suite.test !== void 0 ? { test: normaliseTest(suite.test, config.timeouts.test, at, dir) } : {},
      ...suite.memory !== void 0 ? { memoryBytes: suite.memory } : {}
    };
  });
}
export {
  DEFAULT_SUITE_CLUSTER,
  normaliseGroup,
  normaliseSuites,
  normaliseTest
};
//# sourceMappingURL=normalise-suites.js.map
