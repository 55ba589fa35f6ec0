// The ways tarmac finds a container engine, in order of preference. Each says when it applies
// and how to create its engine; detect.ts probes them and explains the outcome.
import type { Env } from '../config/types.js';
import type { CommandRunner } from '../exec/types.js';
import { createDockerEngine } from './docker.js';
import { createPodmanEngine } from './podman.js';
import type { ContainerEngine, EngineName } from './types.js';

export interface EngineStrategy {
  /** For explanations, e.g. `CONTAINER_HOST (podman remote)`. */
  readonly name: string;
  /** The binary it needs on PATH. */
  readonly bin: EngineName;
  /** Whether the strategy applies in this environment. */
  applies(env: NodeJS.ProcessEnv): boolean;
  /** Why it does not apply, for the explanation. */
  readonly notApplicable: string;
  create(): ContainerEngine;
}

type EngineConfig = Env['engine'];

/** The single strategy for an engine type named in tarmac.yaml (no fallback to another engine). */
export function configuredStrategy(config: EngineConfig & { type: EngineName }, runner: CommandRunner): EngineStrategy {
  const where = [config.url && `url ${config.url}`, config.connection && `connection ${config.connection}`]
    .filter(Boolean)
    .join(', ');
  return {
    name: `${config.type} (configured in tarmac.yaml${where ? `, ${where}` : ''})`,
    bin: config.type,
    applies: () => true,
    notApplicable: '',
    create: () => createConfigured(config.type, config, runner),
  };
}

/** The strategies of `engine.type: auto`, in order. */
export function autoStrategies(config: EngineConfig, runner: CommandRunner, env: NodeJS.ProcessEnv): EngineStrategy[] {
  const configured = config.url !== undefined || config.connection !== undefined;
  const containerHost = env.CONTAINER_HOST ?? '';
  const dockerHost = env.DOCKER_HOST ?? '';
  if (configured) {
    // A url or connection without a type: whichever engine answers on it.
    return (['podman', 'docker'] as const).map((bin) => ({
      ...configuredStrategy({ ...config, type: bin }, runner),
      name: `${bin} with the configured connection`,
    }));
  }
  return [
    {
      name: 'CONTAINER_HOST (podman remote)',
      bin: 'podman',
      applies: (e) => Boolean(e.CONTAINER_HOST),
      notApplicable: 'CONTAINER_HOST is not set',
      create: () => createPodmanEngine(runner, { env: { CONTAINER_HOST: containerHost } }),
    },
    {
      name: 'DOCKER_HOST (docker)',
      bin: 'docker',
      applies: (e) => Boolean(e.DOCKER_HOST),
      notApplicable: 'DOCKER_HOST is not set',
      create: () => createDockerEngine(runner, { env: { DOCKER_HOST: dockerHost } }),
    },
    {
      name: 'podman on PATH',
      bin: 'podman',
      // With CONTAINER_HOST set, plain podman is the CONTAINER_HOST strategy again.
      applies: (e) => !e.CONTAINER_HOST,
      notApplicable: 'same as CONTAINER_HOST above',
      create: () => createPodmanEngine(runner),
    },
    {
      name: 'docker on PATH',
      bin: 'docker',
      applies: (e) => !e.DOCKER_HOST,
      notApplicable: 'same as DOCKER_HOST above',
      create: () => createDockerEngine(runner),
    },
  ];
}

function createConfigured(type: EngineName, config: EngineConfig, runner: CommandRunner): ContainerEngine {
  if (type === 'podman') {
    return createPodmanEngine(runner, {
      ...(config.url ? { url: config.url } : {}),
      ...(config.connection ? { connection: config.connection } : {}),
    });
  }
  return createDockerEngine(runner, {
    ...(config.url ? { host: config.url } : {}),
    ...(config.connection ? { context: config.connection } : {}),
  });
}
