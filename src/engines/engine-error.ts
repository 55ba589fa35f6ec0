// The TarmacError thrown when an engine operation fails: code, hint and exit code by failure kind.
import type { ErrorFact, TarmacError } from '../errors/errors.js';
import { commandFailed } from '../exec/errors.js';
import type { CommandResult } from '../exec/types.js';
import { classifyEngineFailure, type EngineFailureCode } from './classify.js';
import type { EngineName } from './types.js';

const HINTS: Record<EngineName, Partial<Record<EngineFailureCode, string>>> = {
  podman: {
    ENGINE_NOT_FOUND: 'Install podman (https://podman.io/docs/installation), or set engine.type in tarmac.yaml.',
    ENGINE_UNREACHABLE:
      'Start the engine (`podman machine start` on macOS/Windows), or check CONTAINER_HOST and the configured connection (`podman system connection list`).',
    ENGINE_TIMEOUT: 'podman did not answer in time: check that it is not overloaded or stuck (`podman info`).',
  },
  docker: {
    ENGINE_NOT_FOUND: 'Install the docker CLI, or set engine.type in tarmac.yaml.',
    ENGINE_UNREACHABLE: 'Start the Docker daemon, or check DOCKER_HOST and the docker context (`docker context ls`).',
    ENGINE_TIMEOUT: 'docker did not answer in time: check that the daemon is not overloaded or stuck (`docker info`).',
  },
};

/** The hint for a failure kind of an engine, when there is a standard one. */
export function engineHint(engine: EngineName, code: EngineFailureCode): string | undefined {
  return HINTS[engine][code];
}

/** A TarmacError for a failed engine command; `hint` is used for plain command failures; `fact` says what failed. */
export function engineFailed(
  engine: EngineName,
  result: CommandResult,
  message: string,
  hint?: string,
  stepId?: string,
  fact?: ErrorFact,
): TarmacError {
  const failure = classifyEngineFailure(result);
  const code = failure?.code ?? 'ENGINE_COMMAND_FAILED';
  return commandFailed(result, {
    code,
    message,
    hint: engineHint(engine, code) ?? hint,
    exitCode: failure?.exitCode,
    ...(stepId === undefined ? {} : { stepId }),
    ...(fact === undefined ? {} : { fact }),
  });
}
