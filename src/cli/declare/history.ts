// Declares the history commands: history, stats, plan (owned by the history work).
import { InvalidArgumentError } from 'commander';
import type { DeclareCommands } from './types.js';
import { parsePositiveInt, parseSuiteList } from './option-parsers.js';

/** history, stats, plan (owned by the history work). */
export const declareHistoryCommands: DeclareCommands = (program, { io, setCode }) => {
  program
    .command('history')
    .description('list recent runs: when, command, outcome, setup time, test counts, incidents')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--limit <n>', 'how many runs (default 20)', parsePositiveInt)
    .option('--suite <name>', 'only the runs that covered this suite')
    .option('--json', 'print the runs as JSON')
    .action(async (opts: { file?: string; limit?: number; json?: boolean; suite?: string }) => {
      const { historyCommand } = await import('../commands/history.js');
      setCode(await historyCommand(opts, io));
    });

  program
    .command('stats')
    .description(
      'measured figures per capacity/label (setup p50/p95, crash rate, cache hits) and per test (pass rate, flaky)',
    )
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option('--suite <name>', 'only the runs that covered this suite, and its tests')
    .option('--json', 'print the figures as JSON')
    .action(async (opts: { file?: string; json?: boolean; suite?: string }) => {
      const { statsCommand } = await import('../commands/stats.js');
      setCode(await statsCommand(opts, io));
    });

  program
    .command('plan')
    .description('show the plan `up` would run, its critical path and the predicted setup time per capacity')
    .option('-f, --file <path>', 'config file (default: ./tarmac.yaml)')
    .option(
      '--capacity <list>',
      'capacities to predict, e.g. 1,2,3 (default 1,2,3 and build.capacity)',
      parseCapacities,
    )
    .option('--json', 'print the plan and predictions as JSON')
    .option('--suites [list]', 'predict these suites (default: all) side by side against one after another')
    .action(async (opts: { file?: string; capacity?: number[]; json?: boolean; suites?: string | true }) => {
      if (opts.suites !== undefined) {
        const { planSuitesCommand } = await import('../commands/plan-suites.js');
        const suites = opts.suites === true ? [] : parseSuiteList(opts.suites);
        setCode(await planSuitesCommand({ ...opts, suites }, io));
        return;
      }
      const { planCommand } = await import('../commands/plan.js');
      setCode(await planCommand(opts, io));
    });
};

/** commander parser for `1,2,3`: whole numbers of at least 1. */
export function parseCapacities(value: string): number[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InvalidArgumentError(`Expected capacities such as 1,2,3, got \`${value}\`.`);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(
        `Expected capacities such as 1,2,3 (whole numbers of at least 1), got \`${value}\`.`,
      );
    return n;
  });
}
