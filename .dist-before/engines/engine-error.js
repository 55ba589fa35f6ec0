import { commandFailed } from "../exec/errors.js";
import { classifyEngineFailure } from "./classify.js";
const HINTS = {
  podman: {
    ENGINE_NOT_FOUND: "Install podman (https://podman.io/docs/installation), or set engine.type in tarmac.yaml.",
    ENGINE_UNREACHABLE: "Start the engine (`podman machine start` on macOS/Windows), or check CONTAINER_HOST and the configured connection (`podman system connection list`).",
    ENGINE_TIMEOUT: "podman did not answer in time: check that it is not overloaded or stuck (`podman info`)."
  },
  docker: {
    ENGINE_NOT_FOUND: "Install the docker CLI, or set engine.type in tarmac.yaml.",
    ENGINE_UNREACHABLE: "Start the Docker daemon, or check DOCKER_HOST and the docker context (`docker context ls`).",
    ENGINE_TIMEOUT: "docker did not answer in time: check that the daemon is not overloaded or stuck (`docker info`)."
  }
};
function engineHint(engine, code) {
  return HINTS[engine][code];
}
function engineFailed(engine, result, message, hint, stepId, fact) {
  const failure = classifyEngineFailure(result);
  const code = failure?.code ?? "ENGINE_COMMAND_FAILED";
  return commandFailed(result, {
    code,
    message,
    hint: engineHint(engine, code) ?? hint,
    exitCode: failure?.exitCode,
    ...stepId === void 0 ? {} : { stepId },
    ...fact === void 0 ? {} : { fact }
  });
}
export {
  engineFailed,
  engineHint
};
//# sourceMappingURL=engine-error.js.map
