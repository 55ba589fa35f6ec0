// The one root AbortController: the first SIGINT/SIGTERM/SIGHUP cancels cleanly, a second one forces exit 130.
import { CancelledError, ExitCode, TarmacError } from '../errors/errors.js';

export interface RootSignal {
  signal: AbortSignal;
  dispose(): void;
}

export interface RootSignalHooks {
  /** Told about the first signal (e.g. to print that tarmac is cancelling). */
  onFirst(name: string): void;
  /** Called synchronously just before a second signal forces the exit (e.g. to finish the journal). */
  onForce?(name: string): void;
}

// SIGHUP too: a closed terminal must cancel cleanly like Ctrl-C, not kill tarmac and orphan its children.
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Wires SIGINT/SIGTERM/SIGHUP to a root AbortController for the duration of a command. */
export function rootSignal(hooks: RootSignalHooks | ((name: string) => void)): RootSignal {
  const { onFirst, onForce } = typeof hooks === 'function' ? { onFirst: hooks, onForce: undefined } : hooks;
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      onForce?.(name);
      // Second signal: the user wants out now; the exit handler of src/exec kills the children's process groups.
      process.exit(ExitCode.interrupted);
    }
    onFirst(name);
    controller.abort(new CancelledError(`interrupted by ${name}`));
  };
  for (const name of SIGNALS) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of SIGNALS) process.off(name, handler);
    },
  };
}

/**
 * The interruption behind an error, if any: a CancelledError, or a command that failed because it was
 * cancelled (the engine check that was running when Ctrl-C came), anywhere in the cause chain.
 */
export function interruptionOf(error: unknown): CancelledError | undefined {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
    if (e instanceof CancelledError) return e;
    if (typeof e === 'object' && (e as { cancelled?: unknown }).cancelled === true) {
      return new CancelledError(`interrupted${error instanceof TarmacError ? ` (${error.message})` : ''}`);
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
