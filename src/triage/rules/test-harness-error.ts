// The test step itself could not run or report: no JUnit file, a malformed one, a command that is missing or hangs.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, quote } from './evidence-facts.js';
import { failedSteps, testsReported, testAgainCommand } from './journal-facts.js';

const CODES =
  /^(JUNIT_MISSING|JUNIT_MALFORMED|JUNIT_UNREADABLE|JUNIT_STALE|TEST_COMMAND_NOT_FOUND|TEST_CWD_MISSING|TEST_COMMAND_EMPTY|TEST_TIMEOUT)$/;

export const testHarnessError: Rule = {
  id: 'test-harness-error',
  title: 'The test command could not run or report its results',
  refs: ['research-kubernaut §3 #23'],
  match(input: TriageInput): Match | undefined {
    const steps = failedSteps(input.run).filter((f) => f.error && CODES.test(f.error.code));
    const report = testsReported(input.run);
    const empty = report !== undefined && report.totals.tests === 0 && report.exitCode !== 0;
    if (steps.length === 0 && !empty) return undefined;
    const step = steps[0];
    const code = step?.error?.code ?? 'NO_TESTS';
    return {
      confidence: conf(code === 'TEST_TIMEOUT' ? 0.6 : 0.85),
      summary:
        code === 'NO_TESTS'
          ? 'The test command ran no tests and failed: it probably names a suite or target that does not exist.'
          : `The test step could not ${/^JUNIT/.test(code) ? 'report its results' : 'run'}: ${step?.error?.message ?? code}.`,
      evidence: [
        ...steps.map((s) => quote(`journal ${s.stepId} [${s.error?.code}]`, s.error?.message ?? '')),
        ...(empty ? [quote('journal tests.reported', `0 tests, exit code ${report.exitCode}`)] : []),
      ],
      actions: [
        'check test.command, test.cwd and test.junit in tarmac.yaml',
        `${testAgainCommand(input.run)}   # runs only the test step against the live env`,
      ],
    };
  },
};
