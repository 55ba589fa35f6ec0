// Container engines: the ContainerEngine interface, the podman and docker adapters, detection.
export type * from './types.js';
export * from './labels.js';
export {
  classifyEngineFailure,
  errorLine,
  unreachableLine,
  type EngineFailure,
  type EngineFailureCode,
} from './classify.js';
export { engineFailed, engineHint } from './engine-error.js';
export { CliEngine } from './cli-engine.js';
export type { EngineDialect } from './engine-dialect.js';
export { createPodmanEngine, type PodmanIsolation, type PodmanOptions } from './podman.js';
export { createDockerEngine, type DockerOptions } from './docker.js';
export { detectEngine, type DetectDeps, type Detection } from './detect.js';
export { findOnPath } from './find-on-path.js';
