// Executor for the `test` step: runs the suite against the live env; failing tests fail the step with exit code 1.
import type { ClusterTarget } from '../../targets/types.js';
import type { Env } from '../../config/types.js';
import type { CommandRunner } from '../../exec/types.js';
import { TarmacError, ExitCode, InternalError } from '../../errors/errors.js';
import { endpointEnv, runTestSuite, type TestOutcome } from './test-suite.js';
import { failureLines } from '../../junit/summary.js';
import type { StepContext, StepResult } from './types.js';
import { reportTests, type TestReporting } from './test-report.js';
import { prepareShard, type ShardRequest } from './test-shard.js';

/** Runs the env's test command; `onOutcome` receives the parsed result for summaries; `reporting` gets `tests.reported` and the JUnit copy. */
// `shard` (`--shard I/N`): only this shard's tests run (see test-shard.ts).
export async function runTestStep(
  env: Env,
  target: Pick<ClusterTarget, 'endpoints' | 'testEnv' | 'forgetStatus'>,
  runner: CommandRunner,
  ctx: StepContext,
  onOutcome: (o: TestOutcome) => void,
  reporting?: TestReporting & { stepId: string },
  shard?: ShardRequest,
): Promise<StepResult> {
  if (!env.test) throw new InternalError('test step planned without a test section');
  const endpoints = await target.endpoints(ctx.signal);
  const testEnv = { ...target.testEnv(), ...endpointEnv(endpoints) };
  const prepared = shard
    ? await prepareShard(env.test, shard, { runner, env: testEnv, signal: ctx.signal })
    : undefined;
  if (prepared) ctx.output(prepared.summary);
  // What the tests did to the env, anything read after them (triage, a later check) must see.
  target.forgetStatus?.();
  const outcome = await runTestSuite({
    test: env.test,
    runner,
    env: { ...testEnv, ...prepared?.env },
    signal: ctx.signal,
    output: ctx.output,
    configDir: env.dir,
    stateDir: env.stateDir,
  }).finally(() => target.forgetStatus?.());
  onOutcome(outcome);
  // Before a failure is thrown: failing runs are the ones history and reports need most.
  if (reporting) reportTests(reporting, reporting.stepId, env.test, outcome);
  if (!outcome.passed) {
    // Tests are never retried: a retry would hide a flake (retry policy 'never' on the step).
    throw new TarmacError('TESTS_FAILED', `tests failed: ${outcome.summary}`, {
      exitCode: ExitCode.testsFailed,
      hint: outcome.report
        ? 'See the failing cases above and the JUnit file.'
        : `The test command exited ${outcome.exitCode}; its output is in the step log.`,
      details: outcome.report ? failureLines(outcome.report, 20) : [],
    });
  }
  return { state: 'succeeded', detail: outcome.summary };
}
