// Executor for the `test` step: runs the suite against the live env; failing tests fail the step with exit code 1.
import type { ClusterTarget } from '../../targets/types.js';
import type { Env } from '../../config/types.js';
import type { Runner } from '../../exec/types.js';
import { TarmacError, ExitCode, InternalError } from '../../errors/errors.js';
import { endpointEnv, runTestSuite, type TestOutcome } from './test-suite.js';
import { failureLines } from '../../report/junit-summary.js';
import type { StepContext, StepResult } from './types.js';

/** Runs the env's test command; `onOutcome` receives the parsed result for summaries and history. */
export async function runTestStep(env: Env, target: ClusterTarget, runner: Runner, ctx: StepContext, onOutcome: (o: TestOutcome) => void): Promise<StepResult> {
  if (!env.test) throw new InternalError('test step planned without a test section');
  const endpoints = await target.endpoints(ctx.signal);
  const outcome = await runTestSuite({
    test: env.test,
    runner,
    env: { ...target.testEnv(), ...endpointEnv(endpoints) },
    signal: ctx.signal,
    output: ctx.output,
    configDir: env.dir,
  });
  onOutcome(outcome);
  if (!outcome.passed) {
    // Tests are never retried: a retry would hide a flake (retry policy 'never' on the step).
    throw new TarmacError('TESTS_FAILED', `tests failed: ${outcome.summary}`, {
      exitCode: ExitCode.testsFailed,
      hint: outcome.report ? 'See the failing cases above and the JUnit file.' : `The test command exited ${outcome.exitCode}; its output is in the step log.`,
      details: outcome.report ? failureLines(outcome.report, 20) : [],
    });
  }
  return { state: 'succeeded', detail: outcome.summary };
}
