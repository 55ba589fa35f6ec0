import { recentRuns, testResults } from "../../history/query.js";
import { strategyStats, testStats } from "../../history/stats.js";
import { safeText } from "../../ui/safe-text.js";
import { strategyTable, testTable } from "../../history/format.js";
import { noHistoryText, withHistory } from "../../history/read-history.js";
import { loadCommandConfig } from "../load-config.js";
async function statsCommand(opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const read = withHistory(env.historyPath, (db) => ({
    runs: recentRuns(db, env.name),
    tests: testResults(db, env.name)
  }));
  const strategies = strategyStats(read?.runs ?? []);
  const tests = testStats(read?.tests ?? []);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ env: env.name, history: env.historyPath, strategies, tests }, null, 2)}
`);
    return 0;
  }
  if (strategies.length === 0) {
    io.stdout.write(safeText(noHistoryText(env.historyPath, env.name)));
    return 0;
  }
  io.stdout.write(statsText(env, strategies, tests));
  return 0;
}
function statsText(env, strategies, tests) {
  const flaky = tests.filter((t) => t.flaky).length;
  const parts = [
    `${safeText(env.name)}: runs per strategy (${safeText(env.historyPath)}); label = TARMAC_RUN_LABEL of the run`,
    strategyTable(strategies),
    "",
    tests.length === 0 ? "no test results recorded (test.junit is needed for per-test figures)" : `tests (${flaky} flaky: passed and failed on the same images and command)`,
    ...tests.length === 0 ? [] : [testTable(tests)]
  ];
  return `${parts.join("\n")}
`;
}
export {
  statsCommand,
  statsText
};
//# sourceMappingURL=stats.js.map
