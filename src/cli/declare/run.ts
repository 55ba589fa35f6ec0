// Declares the run commands: validate, build, up, test, down, status, logs.
import type { Command } from 'commander';
import type { DeclareCommands } from './types.js';
import { parseCapacity, parseShardOption, parseSuiteList } from './option-parsers.js';
import type { UpSuitesCommandOptions } from '../commands/up-suites.js';
import type { LogsOptions } from '../commands/logs.js';

/** validate, build, up, test, down, status, logs. */
export const declareRunCommands: DeclareCommands = (program, { io, setCode }) => {
  program
    .command('validate')
    .description('check tarmac.yaml and print every problem (exit 2 when there are any)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .action(async (opts: { file?: string }) => {
      const { validateCommand } = await import('../commands/validate.js');
      setCode(await validateCommand(opts, io));
    });

  const runOptions = (cmd: Command) =>
    cmd
      .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
      .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
      .option('--verbose', 'print every output line of every step (plain view)')
      .option('--plain', 'one line per event even on a terminal')
      .option(
        '--ci',
        'CI mode (default when CI=true): plain output, GitHub Actions annotations and job summary, a bundle of a failed run',
      );

  runOptions(program.command('build').description('build every image that changed, under the resource-aware scheduler'))
    .option('--capacity <n>', 'engine units in use at once (overrides build.capacity)', parseCapacity)
    .option('--only <names...>', 'build only these images (and the images they are built on)')
    .option('--push', 'push built images to registry.url by content tag (even when registry.push is off)')
    .option(
      '--heal',
      'after an engine crash, restart the podman machine while waiting for it (remote services are only waited for)',
    )
    .option(
      '--refs <file>',
      'with --push: write the pushed references as JSON for later jobs (`up --pull-only --refs FILE`)',
    )
    .action(async (opts) => {
      const { buildCommand } = await import('../commands/build.js');
      setCode(await buildCommand(opts, io));
    });

  runOptions(
    program
      .command('up')
      .description('build, create or reuse the cluster, deliver, deploy, wait for readiness, run the tests'),
  )
    .option('--capacity <n>', 'engine units in use at once (overrides build.capacity)', parseCapacity)
    .option('--no-test', 'stop after the deploy is ready')
    .option(
      '--heal',
      'after an engine crash, restart the podman machine while waiting for it (remote services are only waited for)',
    )
    .option(
      '--no-keep',
      'on interrupt (Ctrl-C, SIGTERM), remove the env as `tarmac down` does; by default what was created is kept for inspection and a fast next up',
    )
    .option(
      '--pull-only',
      'never build: pull every image from the registry by content tag (a CI test job after `build --push`)',
    )
    .option(
      '--refs <file>',
      'with --pull-only: take the image references from this file (`build --push --refs FILE`) instead of hashing the contexts',
    )
    .option(
      '--shard <I/N>',
      'run only shard I of N of the tests (TARMAC_SHARD_INDEX/COUNT, and TARMAC_SHARD_TESTS with test.list)',
      parseShardOption,
    )
    .option('--no-wait', 'refuse at once (exit 3) when another tarmac run holds this env, instead of waiting for it')
    .option(
      '--suite <list>',
      'run these suites of the file side by side, e.g. gateway,fleet (fleet@2/3: only shard 2 of 3 of its tests)',
      parseSuiteList,
    )
    .option('--all', 'run every suite of the file side by side')
    .option(
      '--fail-fast',
      'with --suite/--all: after the first failure start nothing more (default: the other suites go on)',
    )
    .action(async (opts: UpSuitesCommandOptions) => {
      if (opts.suite !== undefined || opts.all) {
        const { upSuitesCommand } = await import('../commands/up-suites.js');
        setCode(await upSuitesCommand(opts, io));
        return;
      }
      const { upCommand } = await import('../commands/up.js');
      setCode(await upCommand(opts, io));
    });

  runOptions(program.command('test').description('run the test suite again on the live env'))
    .option(
      '--shard <I/N>',
      'run only shard I of N of the tests (TARMAC_SHARD_INDEX/COUNT, and TARMAC_SHARD_TESTS with test.list)',
      parseShardOption,
    )
    .option('--no-wait', 'refuse at once (exit 3) when another tarmac run holds this env, instead of waiting for it')
    .option('--suite <name>', "run this suite's tests again on its live clusters")
    .action(async (opts) => {
      const { testCommand } = await import('../commands/test.js');
      setCode(await testCommand(opts, io));
    });

  program
    .command('down')
    .description('remove what tarmac created for this env (and nothing else)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print what was removed as JSON')
    .option('--no-wait', 'refuse at once (exit 3) when another tarmac run holds this env, instead of waiting for it')
    .action(async (opts: { file?: string; json?: boolean; wait?: boolean }) => {
      const { downCommand } = await import('../commands/down.js');
      setCode(await downCommand(opts, io));
    });

  program
    .command('status')
    .description('show what is up: cluster health, deployed images, endpoints (exit 3 when not up)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: { file?: string; json?: boolean }) => {
      const { statusCommand } = await import('../commands/status.js');
      setCode(await statusCommand(opts, io));
    });

  program
    .command('logs [workload]')
    .description("print the logs of the env's containers (one workload's with WORKLOAD); -f follows until Ctrl-C")
    .option('-f, --follow', 'keep printing new lines until Ctrl-C')
    .option('--since <duration>', 'only lines newer than this (30s, 10m, 1h)')
    .option('--file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--suite <name>', "the containers of this suite's clusters")
    .action(async (workload: string | undefined, opts: LogsOptions) => {
      const { logsCommand } = await import('../commands/logs.js');
      setCode(await logsCommand(workload, opts, io));
    });
};
