import { constants } from "node:os";
import { CancelledError, TarmacError, ExitCode } from "../../errors/errors.js";
import { formatCommand } from "../../exec/format-command.js";
import { junitMissing } from "../../junit/errors.js";
import { readJUnit, shownPath } from "../../junit/read.js";
import { clearOwnJUnit, fingerprint, recordWrittenJUnit, sameVersion } from "../../junit/written-record.js";
import { formatTestSummary } from "../../junit/summary.js";
import { testCommandNotStarted, testTimedOut, withRunDetails } from "./test-suite-errors.js";
import { endpointEnv, serviceVar } from "./test-suite-env.js";
import { formatTestSummary as formatTestSummary2 } from "../../junit/summary.js";
async function runTestSuite(opts) {
  const { test, configDir } = opts;
  const [program, ...args] = test.command;
  if (program === void 0)
    throw new TarmacError("TEST_COMMAND_EMPTY", "test.command is empty", {
      exitCode: ExitCode.usage,
      hint: 'set test.command to an argv list, e.g. ["node", "e2e/suite.mjs"]'
    });
  const untouched = test.junit === void 0 ? void 0 : await clearStale(test.junit, configDir, opts.stateDir);
  const env = { ...opts.env, ...test.env };
  const result = await opts.runner(program, args, {
    cwd: test.cwd,
    env,
    timeoutMs: test.timeoutMs,
    ...opts.signal === void 0 ? {} : { signal: opts.signal },
    onLine: (line) => opts.output(line)
  });
  const shownCwd = shownPath(test.cwd, configDir);
  if (result.spawnError !== void 0)
    throw testCommandNotStarted(test, result, shownCwd, env.PATH ?? process.env.PATH);
  if (result.cancelled) throw new CancelledError(`the test run was cancelled: ${formatCommand(program, args)}`);
  if (result.timedOut) throw testTimedOut(result);
  const exitCode = exitCodeOf(result);
  if (test.junit === void 0) {
    return {
      exitCode,
      durationMs: result.durationMs,
      passed: exitCode === 0,
      summary: exitCode === 0 ? "the test command succeeded (no JUnit XML configured)" : `the test command exited ${exitCode}`
    };
  }
  let report;
  try {
    if (sameVersion(untouched, await fingerprint(test.junit)))
      throw junitMissing(
        shownPath(test.junit, configDir),
        shownCwd,
        "was not written by this run (it is an older file, which tarmac leaves alone: it has no record of writing it)"
      );
    await recordWrittenJUnit(test.junit, opts.stateDir);
    report = await readJUnit(test.junit, { configDir, cwd: test.cwd });
  } catch (error) {
    throw error instanceof TarmacError ? withRunDetails(error, result) : error;
  }
  return { exitCode, durationMs: result.durationMs, report, ...verdict(exitCode, report) };
}
function verdict(exitCode, report) {
  const counts = formatTestSummary(report);
  const failing = report.totals.failed + report.totals.errors;
  if (exitCode !== 0 && failing === 0)
    return {
      passed: false,
      summary: `the test command exited ${exitCode} though the JUnit XML shows no failure (${counts})`
    };
  if (exitCode === 0 && failing > 0)
    return { passed: false, summary: `${counts} (the test command exited 0 though the JUnit XML shows failures)` };
  if (report.totals.tests === 0)
    return { passed: exitCode === 0, summary: `${counts} (the JUnit XML has no test case)` };
  return { passed: exitCode === 0, summary: counts };
}
function exitCodeOf(result) {
  if (result.exitCode !== void 0) return result.exitCode;
  const signal = result.signal === void 0 ? void 0 : constants.signals[result.signal];
  return signal === void 0 ? 1 : 128 + signal;
}
async function clearStale(junit, configDir, stateDir) {
  try {
    return await clearOwnJUnit(junit, stateDir);
  } catch (error) {
    throw new TarmacError(
      "JUNIT_STALE",
      `could not remove the previous JUnit XML ${shownPath(junit, configDir)}: ${error.message}`,
      {
        exitCode: ExitCode.usage,
        hint: "test.junit must name a file the test command writes, not a directory",
        cause: error
      }
    );
  }
}
export {
  endpointEnv,
  formatTestSummary2 as formatTestSummary,
  runTestSuite,
  serviceVar
};
//# sourceMappingURL=test-suite.js.map
