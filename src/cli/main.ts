// The tarmac command line: declares commands, loads each lazily, renders errors once and returns the exit code.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { tarmacVersion } from '../version.js';
import { processIo, type CliIo } from './io.js';
import { exitCodeOf, renderError } from './render-error.js';
import { colorsFor } from '../ui/colors.js';
import { ExitCode } from '../errors/errors.js';

/** Parses argv, runs the command and resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = ExitCode.ok;
  const program = new Command()
    .name('tarmac')
    .description('Fast, crash-proof, self-explaining end-to-end test environments')
    .version(tarmacVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('validate')
    .description('check tarmac.yaml and print every problem (exit 2 when there are any)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .action(async (opts: { file?: string }) => {
      const { validateCommand } = await import('./commands/validate.js');
      code = await validateCommand(opts, io);
    });

  program
    .command('build')
    .description('build every image that changed, under the resource-aware scheduler')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--capacity <n>', 'engine units in use at once (overrides build.capacity)', parsePositiveInt)
    .option('--only <names...>', 'build only these images (and the images they are built on)')
    .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
    .option('--verbose', 'print every output line of every step (plain view)')
    .option('--plain', 'one line per event even on a terminal')
    .action(async (opts) => {
      const { buildCommand } = await import('./commands/build.js');
      code = await buildCommand(opts, io);
    });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (help, version or a usage error).
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    io.stderr.write(renderError(err, io.cwd, colorsFor(Boolean(io.stderr.isTTY), io.env)));
    return exitCodeOf(err);
  }
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Expected a whole number of at least 1, got \`${value}\`.`);
  return n;
}
