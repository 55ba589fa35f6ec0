// The podman commands the target runs, through the engine's argv prefix and environment.
import { engineFailed } from '../../engines/engine-error.js';
import type { TarmacError } from '../../errors/errors.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { RunOptions, RunResult, Runner } from '../../exec/types.js';

/** Hard timeout for quick queries and removals (inspect, ps, rm, network). */
export const QUICK_TIMEOUT_MS = 60_000;

export interface PodmanCli {
  /** Runs `podman <args>`; never throws because of the command. */
  run(args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** Runs `podman <args>` and throws the classified TarmacError unless it succeeded. */
  must(args: readonly string[], message: string, options?: RunOptions, hint?: string): Promise<RunResult>;
  /** The classified TarmacError for a failed result. */
  failed(result: RunResult, message: string, hint?: string): TarmacError;
}

/** A PodmanCli over the engine's argv prefix (`podman --url ...`) and environment. */
export function podmanCli(engine: ContainerEngine, runner: Runner): PodmanCli {
  const [bin = 'podman', ...global] = engine.argvPrefix;
  const run = (args: readonly string[], options: RunOptions = {}): Promise<RunResult> =>
    runner(bin, [...global, ...args], {
      timeoutMs: QUICK_TIMEOUT_MS,
      ...options,
      env: { ...engine.env, ...options.env },
    });
  return {
    run,
    async must(args, message, options, hint) {
      const result = await run(args, options);
      if (!result.ok) throw engineFailed(engine.name, result, message, hint);
      return result;
    },
    failed: (result, message, hint) => engineFailed(engine.name, result, message, hint),
  };
}

/** Parses JSON output that podman prints as one object or as an array of them. */
export function parseJsonList(stdout: string): unknown[] {
  const text = stdout.trim();
  if (text === '' || text === 'null') return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}
