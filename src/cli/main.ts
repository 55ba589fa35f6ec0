// The tarmac command line: declares commands, loads each lazily, renders errors once and returns the exit code.
import { Command, CommanderError } from 'commander';
import { declareRunCommands } from './declare/run.js';
import { declareTriageCommands } from './declare/triage.js';
import { declareReportCommands } from './declare/report.js';
import { declareHistoryCommands } from './declare/history.js';
import { declareCiCommands } from './declare/ci.js';
import { tarmacVersion } from '../version.js';
import { processIo, type CliIo } from './io.js';
import { exitCodeOf, renderError } from './render-error.js';
import { colorsFor } from '../ui/colors.js';
import { ExitCode } from '../errors/errors.js';
import { interruptionOf } from './signals.js';
import { makeRedactor } from '../redact/redactor.js';
import { secretValues } from '../redact/env-secrets.js';

/** Parses argv, runs the command and resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = ExitCode.ok;
  const program = new Command()
    .name('tarmac')
    .description('Fast, crash-proof, self-explaining end-to-end test environments')
    .version(tarmacVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  for (const declare of [
    declareRunCommands,
    declareTriageCommands,
    declareReportCommands,
    declareHistoryCommands,
    declareCiCommands,
  ]) {
    declare(program, {
      io,
      setCode: (c) => {
        code = c;
      },
    });
  }

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (help, version or a usage error).
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
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
}
