import { CliEngine } from "./cli-engine.js";
import { parsePodmanInfo } from "./parse-info.js";
function podmanDialect(isolation = "chroot") {
  return {
    name: "podman",
    buildFlags: isolation === "default" ? [] : [`--isolation=${isolation}`],
    labelsInContainerfile: true,
    psFlags: [],
    // Why -t 0: `rm -f` would first wait podman's 10s stop timeout for every running container.
    rmFlags: ["-f", "-t", "0"],
    imageExistsArgs: (ref) => ["image", "exists", ref],
    registryFlags: (insecure) => insecure ? ["--tls-verify=false"] : [],
    authFileUse: (path) => ({ args: ["--authfile", path], env: {} }),
    parseInfo: parsePodmanInfo
  };
}
function podmanGlobalArgs(options) {
  const args = [];
  if (options.url !== void 0) args.push("--url", options.url);
  if (options.connection !== void 0) args.push("--connection", options.connection);
  return args;
}
function createPodmanEngine(runner, options = {}) {
  return new CliEngine({
    dialect: podmanDialect(options.isolation),
    runner,
    bin: options.bin ?? "podman",
    globalArgs: podmanGlobalArgs(options),
    env: options.env ?? {},
    ...options.opTimeoutMs === void 0 ? {} : { opTimeoutMs: options.opTimeoutMs }
  });
}
export {
  createPodmanEngine,
  podmanDialect,
  podmanGlobalArgs
};
//# sourceMappingURL=podman.js.map
