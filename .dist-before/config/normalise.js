import { existsSync } from "node:fs";
import path from "node:path";
import { normaliseGroup, normaliseSuites, normaliseTest } from "./normalise-suites.js";
function normaliseConfig(config, file) {
  const dir = path.dirname(file);
  const at = (p) => path.resolve(dir, p);
  const { timeouts } = config;
  return {
    name: config.name,
    file,
    dir,
    stateDir: path.join(dir, ".tarmac"),
    engine: config.engine,
    images: config.images.map((image) => normaliseImage(image, at)),
    cluster: {
      target: config.cluster.target,
      name: config.cluster.name ?? `${config.name}-e2e`,
      ...config.cluster.kindConfig !== void 0 ? { kindConfig: at(config.cluster.kindConfig) } : {},
      reuse: config.cluster.reuse
    },
    deploy: config.deploy.map((group) => normaliseGroup(group, at)),
    ...config.test !== void 0 ? { test: normaliseTest(config.test, timeouts.test, at, dir) } : {},
    ...config.suites !== void 0 ? { suites: normaliseSuites(config, at, dir) } : {},
    capacity: config.build.capacity,
    ...config.build.memory !== void 0 ? { memoryBytes: config.build.memory } : {},
    timeouts,
    ...config.registry !== void 0 ? { registry: config.registry } : {},
    historyPath: at(config.history.path),
    disk: {
      minFreeBytes: config.disk.minFree,
      ...config.disk.prune?.danglingOlderThan !== void 0 ? { pruneDanglingOlderThanMs: config.disk.prune.danglingOlderThan } : {}
    }
  };
}
function normaliseImage(image, at) {
  const contextDir = at(image.context);
  const args = Object.fromEntries(Object.entries(image.args).map(([key, value]) => [key, String(value)]));
  return {
    name: image.name,
    contextDir,
    containerfile: image.containerfile !== void 0 ? at(image.containerfile) : defaultContainerfile(contextDir),
    args,
    ...image.target !== void 0 ? { target: image.target } : {},
    weight: image.weight,
    dependsOn: image.dependsOn
  };
}
function defaultContainerfile(contextDir) {
  const containerfile = path.join(contextDir, "Containerfile");
  const dockerfile = path.join(contextDir, "Dockerfile");
  return !existsSync(containerfile) && existsSync(dockerfile) ? dockerfile : containerfile;
}
export {
  normaliseConfig
};
//# sourceMappingURL=normalise.js.map
