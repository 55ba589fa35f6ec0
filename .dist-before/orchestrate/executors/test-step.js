import { TarmacError, ExitCode, InternalError } from "../../errors/errors.js";
import { endpointEnv, runTestSuite } from "./test-suite.js";
import { failureLines } from "../../junit/summary.js";
import { reportTests } from "./test-report.js";
import { prepareShard } from "./test-shard.js";
async function runTestStep(env, target, runner, ctx, onOutcome, reporting, shard) {
  if (!env.test) throw new InternalError("test step planned without a test section");
  const endpoints = await target.endpoints(ctx.signal);
  const testEnv = { ...target.testEnv(), ...endpointEnv(endpoints) };
  const prepared = shard ? await prepareShard(env.test, shard, { runner, env: testEnv, signal: ctx.signal }) : void 0;
  if (prepared) ctx.output(prepared.summary);
  const outcome = await runTestSuite({
    test: env.test,
    runner,
    env: { ...testEnv, ...prepared?.env },
    signal: ctx.signal,
    output: ctx.output,
    configDir: env.dir,
    stateDir: env.stateDir
  });
  onOutcome(outcome);
  if (reporting) reportTests(reporting, reporting.stepId, env.test, outcome);
  if (!outcome.passed) {
    throw new TarmacError("TESTS_FAILED", `tests failed: ${outcome.summary}`, {
      exitCode: ExitCode.testsFailed,
      hint: outcome.report ? "See the failing cases above and the JUnit file." : `The test command exited ${outcome.exitCode}; its output is in the step log.`,
      details: outcome.report ? failureLines(outcome.report, 20) : []
    });
  }
  return { state: "succeeded", detail: outcome.summary };
}
export {
  runTestStep
};
//# sourceMappingURL=test-step.js.map
