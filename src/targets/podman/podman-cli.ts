// The podman commands the target runs, through the engine (which adds its connection flags and environment).
import { engineFailed } from '../../engines/engine-error.js';
import type { TarmacError } from '../../errors/errors.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandOptions, CommandResult } from '../../exec/types.js';

/** Hard timeout for quick queries and removals (inspect, ps, rm, network). */
export const QUICK_TIMEOUT_MS = 60_000;

export interface PodmanCli {
  /** Runs `podman <args>`; never throws because of the command. */
  run(args: readonly string[], options?: CommandOptions): Promise<CommandResult>;
  /** Runs `podman <args>` and throws the classified TarmacError unless it succeeded. */
  must(args: readonly string[], message: string, options?: CommandOptions, hint?: string): Promise<CommandResult>;
  /** The classified TarmacError for a failed result. */
  failed(result: CommandResult, message: string, hint?: string): TarmacError;
}

/** A PodmanCli over `engine.exec`; `onResult` sees every result (triage records them as raw evidence). */
export function podmanCli(
  engine: ContainerEngine,
  defaults: CommandOptions = {},
  onResult?: (result: CommandResult) => void,
): PodmanCli {
  const run = async (args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> => {
    const result = await engine.exec(args, { timeoutMs: QUICK_TIMEOUT_MS, ...options, ...defaults });
    onResult?.(result);
    return result;
  };
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
