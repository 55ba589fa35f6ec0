// The docker adapter: docker's CLI flags on top of the shared CliEngine.
import { dirname } from 'node:path';
import type { CommandRunner } from '../exec/types.js';
import { CliEngine } from './cli-engine.js';
import type { EngineDialect } from './engine-dialect.js';
import { parseDockerInfo } from './parse-info.js';

export interface DockerOptions {
  /** `-H`, e.g. `unix:///var/run/docker.sock` or `tcp://host:2376` (DOCKER_HOST works without it). */
  host?: string;
  /** `--context` name from `docker context ls`. */
  context?: string;
  /** Extra environment for every call (e.g. DOCKER_HOST). */
  env?: Record<string, string>;
  /** The docker binary (default `docker`). */
  bin?: string;
  opTimeoutMs?: number;
}

/** The docker dialect. */
export const dockerDialect: EngineDialect = {
  name: 'docker',
  buildFlags: [],
  // BuildKit sets --label values on the image config without steps of their own.
  labelsInContainerfile: false,
  psFlags: ['--no-trunc'],
  rmFlags: ['-f'], // docker's rm -f kills at once
  imageExistsArgs: (ref) => ['image', 'inspect', '--format', '{{.Id}}', ref],
  // Why no flag: docker has no per-call TLS switch; insecure registries are daemon config
  // (and 127.0.0.0/8 registries are insecure by default).
  registryFlags: () => [],
  // docker push has no --authfile; it reads config.json from the DOCKER_CONFIG directory.
  authFileUse: (path) => ({ args: [], env: { DOCKER_CONFIG: dirname(path) } }),
  parseInfo: parseDockerInfo,
};

/** The global flags selecting docker's daemon. */
export function dockerGlobalArgs(options: Pick<DockerOptions, 'host' | 'context'>): string[] {
  // Why only one: docker refuses `-H` together with `--context`; an explicit host is the more specific.
  if (options.host !== undefined) return ['-H', options.host];
  if (options.context !== undefined) return ['--context', options.context];
  return [];
}

/** A docker ContainerEngine; DOCKER_HOST in the environment is honoured by docker itself. */
export function createDockerEngine(runner: CommandRunner, options: DockerOptions = {}): CliEngine {
  return new CliEngine({
    dialect: dockerDialect,
    runner,
    bin: options.bin ?? 'docker',
    globalArgs: dockerGlobalArgs(options),
    env: options.env ?? {},
    ...(options.opTimeoutMs === undefined ? {} : { opTimeoutMs: options.opTimeoutMs }),
  });
}
