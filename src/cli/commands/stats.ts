// `tarmac stats`: per strategy (command, capacity, label, suites) setup p50/p95, crash rate and cache hits; per test
// pass rate and flakiness. `--suite X`: only the runs that covered suite X and that suite's tests.
import { recentRuns, testResults } from '../../history/query.js';
import { strategyStats, testStats, type StrategyStats, type TestStats } from '../../history/stats.js';
import { safeText } from '../../ui/safe-text.js';
import { strategyTable, testTable } from '../../history/format.js';
import { noHistoryText, withHistory } from '../../history/read-history.js';
import type { CliIo } from '../io.js';
import { loadCommandConfig } from '../load-config.js';
import { chosenSuites } from '../suite-choice.js';

/** Prints the measured comparison; exit 0 (also when nothing is recorded yet). */
export async function statsCommand(
  opts: { file?: string; json?: boolean; suite?: string },
  io: CliIo,
): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suite = opts.suite === undefined ? undefined : chosenSuites(env, [opts.suite])[0];
  const read = withHistory(env.historyPath, (db) => ({
    runs: recentRuns(db, env.name, -1, suite),
    tests: testResults(db, env.name, suite),
  }));
  const strategies = strategyStats(read?.runs ?? []);
  const tests = testStats(read?.tests ?? []);
  if (opts.json) {
    const filter = suite === undefined ? {} : { suite };
    io.stdout.write(
      `${JSON.stringify({ env: env.name, history: env.historyPath, ...filter, strategies, tests }, null, 2)}\n`,
    );
    return 0;
  }
  if (strategies.length === 0) {
    io.stdout.write(
      safeText(noHistoryText(env.historyPath, suite === undefined ? env.name : `suite ${suite} of ${env.name}`)),
    );
    return 0;
  }
  io.stdout.write(statsText(env, strategies, tests));
  return 0;
}

/** The two tables under their headings; the tables escape their cells (commands, labels, test names). */
export function statsText(
  env: { name: string; historyPath: string },
  strategies: readonly StrategyStats[],
  tests: readonly TestStats[],
): string {
  const flaky = tests.filter((t) => t.flaky).length;
  const parts = [
    `${safeText(env.name)}: runs per strategy (${safeText(env.historyPath)}); label = TARMAC_RUN_LABEL of the run`,
    strategyTable(strategies),
    '',
    tests.length === 0
      ? 'no test results recorded (test.junit is needed for per-test figures)'
      : `tests (${flaky} flaky: passed and failed on the same images and command)`,
    ...(tests.length === 0 ? [] : [testTable(tests)]),
  ];
  return `${parts.join('\n')}\n`;
}
