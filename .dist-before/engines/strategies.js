import { createDockerEngine } from "./docker.js";
import { createPodmanEngine } from "./podman.js";
function configuredStrategy(config, runner) {
  const where = [config.url && `url ${config.url}`, config.connection && `connection ${config.connection}`].filter(Boolean).join(", ");
  return {
    name: `${config.type} (configured in tarmac.yaml${where ? `, ${where}` : ""})`,
    bin: config.type,
    applies: () => true,
    notApplicable: "",
    create: () => createConfigured(config.type, config, runner)
  };
}
function autoStrategies(config, runner, env) {
  const configured = config.url !== void 0 || config.connection !== void 0;
  const containerHost = env.CONTAINER_HOST ?? "";
  const dockerHost = env.DOCKER_HOST ?? "";
  if (configured) {
    return ["podman", "docker"].map((bin) => ({
      ...configuredStrategy({ ...config, type: bin }, runner),
      name: `${bin} with the configured connection`
    }));
  }
  return [
    {
      name: "CONTAINER_HOST (podman remote)",
      bin: "podman",
      applies: (e) => Boolean(e.CONTAINER_HOST),
      notApplicable: "CONTAINER_HOST is not set",
      create: () => createPodmanEngine(runner, { env: { CONTAINER_HOST: containerHost } })
    },
    {
      name: "DOCKER_HOST (docker)",
      bin: "docker",
      applies: (e) => Boolean(e.DOCKER_HOST),
      notApplicable: "DOCKER_HOST is not set",
      create: () => createDockerEngine(runner, { env: { DOCKER_HOST: dockerHost } })
    },
    {
      name: "podman on PATH",
      bin: "podman",
      // With CONTAINER_HOST set, plain podman is the CONTAINER_HOST strategy again.
      applies: (e) => !e.CONTAINER_HOST,
      notApplicable: "same as CONTAINER_HOST above",
      create: () => createPodmanEngine(runner)
    },
    {
      name: "docker on PATH",
      bin: "docker",
      applies: (e) => !e.DOCKER_HOST,
      notApplicable: "same as DOCKER_HOST above",
      create: () => createDockerEngine(runner)
    }
  ];
}
function createConfigured(type, config, runner) {
  if (type === "podman") {
    return createPodmanEngine(runner, {
      ...config.url ? { url: config.url } : {},
      ...config.connection ? { connection: config.connection } : {}
    });
  }
  return createDockerEngine(runner, {
    ...config.url ? { host: config.url } : {},
    ...config.connection ? { context: config.connection } : {}
  });
}
export {
  autoStrategies,
  configuredStrategy
};
//# sourceMappingURL=strategies.js.map
