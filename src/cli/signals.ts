// The one root AbortController: the first SIGINT/SIGTERM cancels cleanly, a second one forces exit 130.
import { CancelledError, ExitCode } from '../errors/errors.js';

export interface RootSignal {
  signal: AbortSignal;
  dispose(): void;
}

/** Wires SIGINT/SIGTERM to a root AbortController for the duration of a command. */
export function rootSignal(onFirst: (name: string) => void): RootSignal {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      // Second signal: the user wants out now; children are killed by execa's cleanup on exit.
      process.exit(ExitCode.interrupted);
    }
    onFirst(name);
    controller.abort(new CancelledError(`interrupted by ${name}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
