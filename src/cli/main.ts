// The tarmac command line: declares commands, loads each lazily, renders errors once and returns the exit code.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { tarmacVersion } from '../version.js';
import { processIo, type CliIo } from './io.js';
import { exitCodeOf, renderError } from './render-error.js';
import { colorsFor } from '../ui/colors.js';
import { ExitCode } from '../errors/errors.js';
import { interruptionOf } from './signals.js';

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

  const runOptions = (cmd: Command) => cmd
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
    .option('--verbose', 'print every output line of every step (plain view)')
    .option('--plain', 'one line per event even on a terminal');

  runOptions(program.command('build').description('build every image that changed, under the resource-aware scheduler'))
    .option('--capacity <n>', 'engine units in use at once (overrides build.capacity)', parsePositiveInt)
    .option('--only <names...>', 'build only these images (and the images they are built on)')
    .option('--push', 'push built images to registry.url by content tag (even when registry.push is off)')
    .option('--heal', 'after an engine crash, restart the podman machine while waiting for it (remote services are only waited for)')
    .action(async (opts) => {
      const { buildCommand } = await import('./commands/build.js');
      code = await buildCommand(opts, io);
    });

  runOptions(program.command('up').description('build, create or reuse the cluster, deliver, deploy, wait for readiness, run the tests'))
    .option('--capacity <n>', 'engine units in use at once (overrides build.capacity)', parsePositiveInt)
    .option('--no-test', 'stop after the deploy is ready')
    .option('--heal', 'after an engine crash, restart the podman machine while waiting for it (remote services are only waited for)')
    .option('--no-keep', 'on interrupt (Ctrl-C, SIGTERM), remove the env as `tarmac down` does; by default what was created is kept for inspection and a fast next up')
    .action(async (opts) => {
      const { upCommand } = await import('./commands/up.js');
      code = await upCommand(opts, io);
    });

  runOptions(program.command('test').description('run the test suite again on the live env'))
    .action(async (opts) => {
      const { testCommand } = await import('./commands/test.js');
      code = await testCommand(opts, io);
    });

  program
    .command('down')
    .description('remove what tarmac created for this env (and nothing else)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print what was removed as JSON')
    .action(async (opts: { file?: string; json?: boolean }) => {
      const { downCommand } = await import('./commands/down.js');
      code = await downCommand(opts, io);
    });

  program
    .command('status')
    .description('show what is up: cluster health, deployed images, endpoints (exit 3 when not up)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { file?: string; json?: boolean }) => {
      const { statusCommand } = await import('./commands/status.js');
      code = await statusCommand(opts, io);
    });

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
    io.stderr.write(renderError(shown, io.cwd, colorsFor(Boolean(io.stderr.isTTY), io.env)));
    return exitCodeOf(shown);
  }
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`Expected a whole number of at least 1, got \`${value}\`.`);
  return n;
}
