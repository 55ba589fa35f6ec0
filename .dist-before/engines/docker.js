import { dirname } from "node:path";
import { CliEngine } from "./cli-engine.js";
import { parseDockerInfo } from "./parse-info.js";
const dockerDialect = {
  name: "docker",
  buildFlags: [],
  // BuildKit sets --label values on the image config without steps of their own.
  labelsInContainerfile: false,
  psFlags: ["--no-trunc"],
  rmFlags: ["-f"],
  // docker's rm -f kills at once
  imageExistsArgs: (ref) => ["image", "inspect", "--format", "{{.Id}}", ref],
  // Why no flag: docker has no per-call TLS switch; insecure registries are daemon config
  // (and 127.0.0.0/8 registries are insecure by default).
  registryFlags: () => [],
  // docker push has no --authfile; it reads config.json from the DOCKER_CONFIG directory.
  authFileUse: (path) => ({ args: [], env: { DOCKER_CONFIG: dirname(path) } }),
  parseInfo: parseDockerInfo
};
function dockerGlobalArgs(options) {
  if (options.host !== void 0) return ["-H", options.host];
  if (options.context !== void 0) return ["--context", options.context];
  return [];
}
function createDockerEngine(runner, options = {}) {
  return new CliEngine({
    dialect: dockerDialect,
    runner,
    bin: options.bin ?? "docker",
    globalArgs: dockerGlobalArgs(options),
    env: options.env ?? {},
    ...options.opTimeoutMs === void 0 ? {} : { opTimeoutMs: options.opTimeoutMs }
  });
}
export {
  createDockerEngine,
  dockerDialect,
  dockerGlobalArgs
};
//# sourceMappingURL=docker.js.map
