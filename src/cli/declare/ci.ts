// Declares the ci commands: bundle, junit merge (owned by the CI work).
import type { DeclareCommands } from './types.js';
import { parsePositiveInt, parseSuiteList } from './option-parsers.js';

/** bundle, junit merge (owned by the CI work). */
export const declareCiCommands: DeclareCommands = (program, { io, setCode }) => {
  // Commands are added here.
  program
    .command('bundle')
    .description(
      "pack a run's journal, step logs, triage, reports, JUnit and kind logs into one .tar.gz, secrets redacted",
    )
    .argument('[run]', 'run id, id prefix or run directory (default: the latest run)')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option(
      '-o, --output <file>',
      'the .tar.gz to write (default: $TARMAC_BUNDLE_DIR or .tarmac/bundles, as <runId>.tar.gz)',
    )
    .option('--json', 'print the bundle path and contents as JSON')
    .action(async (run: string | undefined, opts: { file?: string; output?: string; json?: boolean }) => {
      const { bundleCommand } = await import('../commands/bundle.js');
      setCode(await bundleCommand(run, opts, io));
    });
  program
    .command('junit')
    .description('JUnit XML tools')
    .command('merge')
    .description("merge the shards' JUnit files into one (a test found in two files is an error, exit 4)")
    .requiredOption('-o, --output <file>', 'the merged JUnit XML file to write')
    .option('--json', 'print the totals and the merged test ids as JSON')
    .argument('<files...>', 'JUnit XML files, e.g. one per shard')
    .action(async (files: string[], opts: { output: string; json?: boolean }) => {
      const { junitMergeCommand } = await import('../commands/junit-merge.js');
      setCode(await junitMergeCommand(files, opts, io));
    });
  program
    .command('ci')
    .description('CI helpers')
    .command('matrix')
    .description('print a GitHub Actions matrix of suites and test shards, balanced by learned durations')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--runners <n>', 'how many jobs at most (default 4)', parsePositiveInt)
    .option('--suite <list>', 'only these suites, e.g. gateway,fleet (default: all)', parseSuiteList)
    .action(async (opts: { file?: string; runners?: number; suite?: string[] }) => {
      const { ciMatrixCommand } = await import('../commands/ci-matrix.js');
      setCode(await ciMatrixCommand(opts, io));
    });
};
