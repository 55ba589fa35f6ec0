// The tarmac command line: declares commands, loads each lazily, renders errors once and returns the exit code.
// It imports only what every command needs (commander, the declarations): `--version` loads nothing more.
import { Command, CommanderError } from 'commander';
import { declareRunCommands } from './declare/run.js';
import { declareTriageCommands } from './declare/triage.js';
import { declareReportCommands } from './declare/report.js';
import { declareHistoryCommands } from './declare/history.js';
import { declareCiCommands } from './declare/ci.js';
import { tarmacVersion } from '../version.js';
import { processIo, type CliIo } from './io.js';
import { ExitCode } from '../errors/errors.js';

export { processIo } from './io.js';

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
    const { reportFailure } = await import('./failure.js');
    return reportFailure(err, io);
  }
}
