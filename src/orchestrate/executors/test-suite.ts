// The test step's work: run the suite's argv command against the live env, stream its output,
// ingest its JUnit XML and decide pass/fail from both the exit code and the test cases.
// Tests are never retried here or anywhere: a retry would hide a flaky test.
import { constants } from 'node:os';
import { CancelledError, TarmacError, ExitCode } from '../../errors/errors.js';
import { formatCommand } from '../../exec/format-command.js';
import type { CommandResult, CommandRunner } from '../../exec/types.js';
import type { TestSpec } from '../../config/types.js';
import { junitMissing } from '../../junit/errors.js';
import { readJUnit, shownPath } from '../../junit/read.js';
import { clearOwnJUnit, fingerprint, recordWrittenJUnit, sameVersion } from '../../junit/written-record.js';
import type { FileFingerprint } from '../../junit/written-record.js';
import { formatTestSummary } from '../../junit/summary.js';
import type { JUnitReport } from '../../junit/types.js';
import { testCommandNotStarted, testTimedOut, withRunDetails } from './test-suite-errors.js';

// Re-exported so the test step's callers find the whole API here.
export { endpointEnv, serviceVar } from './test-suite-env.js';
export { formatTestSummary } from '../../junit/summary.js';

/** What runTestSuite needs: the spec, the process boundary, tarmac's env for the command, where output goes. */
export interface RunTestSuiteOptions {
  test: TestSpec;
  runner: CommandRunner;
  /** Environment from tarmac: KUBECONFIG and TARMAC_SERVICE_<NAME>=url (see endpointEnv); test.env wins over it. */
  env: Record<string, string>;
  signal?: AbortSignal;
  /** Every output line of the command, as it arrives. */
  output: (line: string) => void;
  /** Directory of the config file: paths in messages are shown relative to it. */
  configDir: string;
  /** tarmac's state dir (`.tarmac`), where the record of the JUnit file the suite wrote is kept. */
  stateDir: string;
}

/** How a test run ended. Failing tests are an outcome (passed=false, exit 1 for the caller), not an exception. */
export interface TestOutcome {
  /** The command's exit code; 128+n when it was killed by signal n. */
  exitCode: number;
  durationMs: number;
  /** The parsed JUnit XML, when test.junit is configured. */
  report?: JUnitReport;
  passed: boolean;
  /** One line saying what happened, e.g. "7 passed, 1 failed, 0 skipped" or why exit code and JUnit disagree. */
  summary: string;
}

/**
 * Runs the suite once. Throws TEST_COMMAND_NOT_FOUND / TEST_CWD_MISSING (exit 2), TEST_TIMEOUT,
 * JUNIT_MISSING, JUNIT_MALFORMED (exit 4), or CancelledError; returns an outcome otherwise.
 */
export async function runTestSuite(opts: RunTestSuiteOptions): Promise<TestOutcome> {
  const { test, configDir } = opts;
  const [program, ...args] = test.command;
  if (program === undefined)
    throw new TarmacError('TEST_COMMAND_EMPTY', 'test.command is empty', {
      exitCode: ExitCode.usage,
      hint: 'set test.command to an argv list, e.g. ["node", "e2e/suite.mjs"]',
    });
  // Clear the previous run's JUnit file first, so an old file can never pass for this run; a file tarmac has no
  // record of writing is left alone and watched instead (see written-record.ts).
  const untouched = test.junit === undefined ? undefined : await clearStale(test.junit, configDir, opts.stateDir);
  // test.env is the user's explicit choice, so it overrides what tarmac computed.
  const env = { ...opts.env, ...test.env };
  const result = await opts.runner(program, args, {
    cwd: test.cwd,
    env,
    timeoutMs: test.timeoutMs,
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    onLine: (line) => opts.output(line),
  });
  const shownCwd = shownPath(test.cwd, configDir);
  if (result.spawnError !== undefined)
    throw testCommandNotStarted(test, result, shownCwd, env.PATH ?? process.env.PATH);
  if (result.cancelled) throw new CancelledError(`the test run was cancelled: ${formatCommand(program, args)}`);
  if (result.timedOut) throw testTimedOut(result);
  const exitCode = exitCodeOf(result);
  if (test.junit === undefined) {
    return {
      exitCode,
      durationMs: result.durationMs,
      passed: exitCode === 0,
      summary:
        exitCode === 0 ? 'the test command succeeded (no JUnit XML configured)' : `the test command exited ${exitCode}`,
    };
  }
  let report: JUnitReport;
  try {
    if (sameVersion(untouched, await fingerprint(test.junit)))
      throw junitMissing(
        shownPath(test.junit, configDir),
        shownCwd,
        'was not written by this run (it is an older file, which tarmac leaves alone: it has no record of writing it)',
      );
    await recordWrittenJUnit(test.junit, opts.stateDir);
    report = await readJUnit(test.junit, { configDir, cwd: test.cwd });
  } catch (error) {
    throw error instanceof TarmacError ? withRunDetails(error, result) : error;
  }
  return { exitCode, durationMs: result.durationMs, report, ...verdict(exitCode, report) };
}

/** Pass/fail from the exit code and the cases together: either one failing fails the run. */
function verdict(exitCode: number, report: JUnitReport): { passed: boolean; summary: string } {
  const counts = formatTestSummary(report);
  const failing = report.totals.failed + report.totals.errors;
  if (exitCode !== 0 && failing === 0)
    return {
      passed: false,
      summary: `the test command exited ${exitCode} though the JUnit XML shows no failure (${counts})`,
    };
  if (exitCode === 0 && failing > 0)
    return { passed: false, summary: `${counts} (the test command exited 0 though the JUnit XML shows failures)` };
  if (report.totals.tests === 0)
    return { passed: exitCode === 0, summary: `${counts} (the JUnit XML has no test case)` };
  return { passed: exitCode === 0, summary: counts };
}

/** The exit code, or 128+signal number for a command killed by a signal (shell convention). */
function exitCodeOf(result: CommandResult): number {
  if (result.exitCode !== undefined) return result.exitCode;
  const signal =
    result.signal === undefined ? undefined : constants.signals[result.signal as keyof typeof constants.signals];
  return signal === undefined ? 1 : 128 + signal;
}

async function clearStale(junit: string, configDir: string, stateDir: string): Promise<FileFingerprint | undefined> {
  try {
    return await clearOwnJUnit(junit, stateDir);
  } catch (error) {
    throw new TarmacError(
      'JUNIT_STALE',
      `could not remove the previous JUnit XML ${shownPath(junit, configDir)}: ${(error as Error).message}`,
      {
        exitCode: ExitCode.usage,
        hint: 'test.junit must name a file the test command writes, not a directory',
        cause: error,
      },
    );
  }
}
