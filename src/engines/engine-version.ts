// An engine's version, for checks that depend on what the engine can do (targets/deploy-check.ts): one
// `version --format json` call, asked only by a check that needs it. It reports, it never throws: a check that
// cannot learn the version says so and leaves the question to the deploy.
import type { Env } from '../config/types.js';
import type { CommandRunner } from '../exec/types.js';
import { errorLine } from './classify.js';
import { findOnPath } from './find-on-path.js';
import { parseVersion } from './parse-info.js';
import { autoStrategies, configuredStrategy } from './strategies.js';
import type { ContainerEngine } from './types.js';

/** The version, or why it could not be learned (one phrase, e.g. `podman is not on PATH`). */
export type EngineVersion = { version: string } | { unknown: string };

/** How long a version question may take: it is one local call, or one round trip to a remote service. */
const VERSION_TIMEOUT_MS = 10_000;

/** The version of the engine that does the work (the server's when one answers, else the client's). */
export async function engineVersion(engine: ContainerEngine, signal?: AbortSignal): Promise<EngineVersion> {
  try {
    const result = await engine.exec(['version', '--format', 'json'], {
      timeoutMs: VERSION_TIMEOUT_MS,
      ...(signal ? { signal } : {}),
    });
    if (!result.ok)
      return {
        unknown: `\`${engine.commandLine(['version'])}\` failed: ${errorLine(result) ?? `exit ${String(result.exitCode)}`}`,
      };
    const { client, server } = parseVersion(result);
    const version = server ?? client;
    return version === undefined ? { unknown: `${engine.name} version named no version` } : { version };
  } catch (error) {
    return { unknown: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The podman `up` would use for this config, without probing every engine as detection does (validate stays one
 * call): the configured url or connection, CONTAINER_HOST, else podman on PATH. Undefined with the reason when
 * the config names another engine or podman is not installed.
 */
export function configuredPodman(
  config: Env['engine'],
  runner: CommandRunner,
  processEnv: NodeJS.ProcessEnv,
): ContainerEngine | { unknown: string } {
  if (config.type === 'docker') return { unknown: 'the config names docker as the engine' };
  if (findOnPath('podman', processEnv) === undefined) return { unknown: 'podman is not on PATH' };
  const strategies =
    config.type === 'podman'
      ? [configuredStrategy({ ...config, type: 'podman' }, runner)]
      : autoStrategies(config, runner, processEnv);
  const strategy = strategies.find((s) => s.bin === 'podman' && s.applies(processEnv));
  return strategy ? strategy.create() : { unknown: 'no podman strategy applies' };
}
