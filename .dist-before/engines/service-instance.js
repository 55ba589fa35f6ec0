import { statSync } from "node:fs";
const DOCKER_DEFAULT_SOCKET = "unix:///var/run/docker.sock";
function unixSocketPath(url) {
  return url?.startsWith("unix://") ? url.slice("unix://".length) : void 0;
}
function engineServiceUrl(engine, processEnv) {
  const env = engine.toolEnv();
  if (engine.name === "docker") return env.DOCKER_HOST ?? processEnv.DOCKER_HOST ?? DOCKER_DEFAULT_SOCKET;
  return env.CONTAINER_HOST ?? processEnv.CONTAINER_HOST;
}
function serviceInstanceReader(url) {
  const path = unixSocketPath(url);
  return () => {
    if (path === void 0) return void 0;
    try {
      const s = statSync(path);
      return `${s.ino}@${s.ctimeMs}`;
    } catch {
      return void 0;
    }
  };
}
export {
  engineServiceUrl,
  serviceInstanceReader,
  unixSocketPath
};
//# sourceMappingURL=service-instance.js.map
