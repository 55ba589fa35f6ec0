export * from "./labels.js";
import {
  classifyEngineFailure,
  errorLine,
  unreachableLine
} from "./classify.js";
import { engineFailed, engineHint } from "./engine-error.js";
import { CliEngine } from "./cli-engine.js";
import { createPodmanEngine } from "./podman.js";
import { createDockerEngine } from "./docker.js";
import { detectEngine } from "./detect.js";
import { findOnPath } from "./find-on-path.js";
export {
  CliEngine,
  classifyEngineFailure,
  createDockerEngine,
  createPodmanEngine,
  detectEngine,
  engineFailed,
  engineHint,
  errorLine,
  findOnPath,
  unreachableLine
};
//# sourceMappingURL=index.js.map
