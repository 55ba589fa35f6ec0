// What main() prints for a failed command, and its exit code. Loaded only when a command failed, so a command that
// succeeds never loads the renderer, the redactor or the config problem formatter.
import type { CliIo } from './io.js';
import { exitCodeOf, renderError } from './render-error.js';
import { colorsFor } from '../ui/colors.js';
import { interruptionOf } from './signals.js';
import { makeRedactor } from '../redact/redactor.js';
import { secretValues } from '../redact/env-secrets.js';

/** Prints `err` once on stderr, redacted, and returns the exit code; Ctrl-C's cancellation is an interruption (130). */
export function reportFailure(err: unknown, io: CliIo): number {
  // A command that failed because Ctrl-C cancelled it is an interruption (exit 130), not a failure.
  const shown = interruptionOf(err) ?? err;
  // Errors never pass the bus: mask token shapes and secret-named environment values before printing.
  io.stderr.write(
    makeRedactor(secretValues(undefined, io.env))(
      renderError(shown, io.cwd, colorsFor(Boolean(io.stderr.isTTY), io.env)),
    ),
  );
  return exitCodeOf(shown);
}
