import { TarmacError, ExitCode } from "../errors/errors.js";
import { assemblePlan } from "../plan/assemble.js";
import { TEST_STEP } from "../plan/up-plan.js";
import { runPlan } from "./scheduler.js";
import { runTestStep } from "./executors/test-step.js";
import { readEnvState } from "./env-state.js";
import { checkTestCommand } from "./preflight.js";
import { emitRunStarted, runEngine } from "./run-events.js";
import { testReporting } from "./executors/test-report.js";
import { shardRequest } from "./executors/test-shard.js";
async function testAgain(o) {
  const { env } = o;
  if (!env.test)
    throw new TarmacError("NO_TEST_SECTION", `${env.file} has no \`test\` section`, {
      exitCode: ExitCode.usage,
      hint: "Add test.command (argv) to tarmac.yaml."
    });
  const deployed = readEnvState(env.stateDir);
  if (!deployed || !(await o.target.status(o.signal)).healthy) {
    throw new TarmacError("NOT_UP", `${env.name} is not up`, {
      exitCode: ExitCode.environment,
      hint: "Run `tarmac up` first (`tarmac status` shows what is there)."
    });
  }
  checkTestCommand(env, o.processEnv);
  const plan = assemblePlan([
    {
      id: TEST_STEP,
      kind: "test",
      subject: "suite",
      deps: [],
      claims: { engine: 0 },
      timeoutMs: env.test.timeoutMs,
      stallMs: env.timeouts.stall,
      retry: "never",
      cached: false
    }
  ]);
  emitRunStarted(
    o.bus,
    { command: "test", capacity: env.capacity, target: o.target.type, engine: runEngine(o.engine) },
    plan
  );
  let test;
  const summary = await runPlan(plan, {
    bus: o.bus,
    capacity: env.capacity,
    signal: o.signal,
    heartbeatMs: env.timeouts.heartbeat,
    execute: (step, ctx) => runTestStep(
      env,
      o.target,
      o.runner,
      ctx,
      (t) => {
        test = t;
      },
      { ...testReporting(env, o.bus, deployed.images, o.processEnv), stepId: step.id },
      shardRequest(env, o.bus.runId, o.shard)
    )
  });
  o.bus.emit({ type: "run.finished", outcome: summary.outcome, durationMs: summary.durationMs });
  return { summary, ...test ? { test } : {} };
}
export {
  testAgain
};
//# sourceMappingURL=test-again.js.map
