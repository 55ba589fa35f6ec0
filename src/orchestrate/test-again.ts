// `tarmac test`: runs the suite again on the live env, as a one-step plan (same events, journal and watchdogs as `up`);
// `tarmac test --suite X`: X's test on its live clusters, as the suites run's `test:X` step.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { CommandRunner } from '../exec/types.js';
import { TarmacError, ExitCode } from '../errors/errors.js';
import { assemblePlan } from '../plan/assemble.js';
import { TEST_STEP } from '../plan/up-plan.js';
import { runPlan, type RunSummary } from './scheduler.js';
import { runTestStep } from './executors/test-step.js';
import type { TestOutcome } from './executors/test-suite.js';
import { readEnvState } from './env-state.js';
import { checkTestCommand } from './preflight.js';
import { emitRunStarted, runEngine } from './run-events.js';
import { testReporting } from './executors/test-report.js';
import { shardRequest } from './executors/test-shard.js';
import type { Shard } from '../plan/shard.js';
import { suiteTestStepId } from '../plan/suites-plan.js';
import type { LiveTarget } from './executors/suite-test-target.js';

/** The env's health and endpoints being read (see startEnvReads). */
export interface EnvReads {
  status: Promise<{ healthy: boolean }>;
  endpoints: ReturnType<LiveTarget['endpoints']>;
}

/**
 * Starts reading the env's health and endpoints: independent engine queries, asked at once so the suite starts
 * sooner. A failure is the reader's when it awaits it, never an unhandled rejection before.
 */
export function startEnvReads(
  target: Pick<LiveTarget, 'status' | 'health' | 'endpoints'>,
  signal: AbortSignal,
): EnvReads {
  const endpoints = target.endpoints(signal);
  endpoints.catch(() => undefined);
  // Only whether it is healthy is needed here: the target's cheaper answer when it has one.
  const status = target.health ? target.health(signal) : target.status(signal);
  status.catch(() => undefined);
  return { status, endpoints };
}

/** Runs the test step against what `up` deployed; throws NOT_UP when nothing is. */
export async function testAgain(o: {
  /** The env tested (a suite's: its first cluster's Env, which carries the suite's test). */
  env: Env;
  target: LiveTarget;
  /** The engine the env runs on (recorded in run.started). */
  engine: Pick<ContainerEngine, 'name' | 'endpoint'>;
  runner: CommandRunner;
  bus: EventBus;
  signal: AbortSignal;
  processEnv: NodeJS.ProcessEnv;
  shard?: Shard;
  /** The suite tested: the step is `test:<suite>` of that suite and its cases are recorded as `<suite>/<test id>`. */
  suite?: string;
  /** `target`'s health and endpoints, already being read (started with the session, issue 16); else read here. */
  reads?: EnvReads;
}): Promise<{ summary: RunSummary; test?: TestOutcome }> {
  const { env } = o;
  if (!env.test)
    throw new TarmacError('NO_TEST_SECTION', `${env.file} has no \`test\` section`, {
      exitCode: ExitCode.usage,
      hint: 'Add test.command (argv) to tarmac.yaml.',
    });
  const notUp = () =>
    new TarmacError('NOT_UP', `${env.name} is not up`, {
      exitCode: ExitCode.environment,
      hint: 'Run `tarmac up` first (`tarmac status` shows what is there).',
    });
  const deployed = readEnvState(env.stateDir);
  if (!deployed) throw notUp();
  // The endpoints' answer is used only once the env is known to be up (its failure is then the step's).
  const { status, endpoints } = o.reads ?? startEnvReads(o.target, o.signal);
  if (!(await status).healthy) throw notUp();
  checkTestCommand(env, o.processEnv);
  const plan = assemblePlan([
    {
      id: o.suite === undefined ? TEST_STEP : suiteTestStepId(o.suite),
      kind: 'test',
      subject: o.suite ?? 'suite',
      ...(o.suite === undefined ? {} : { suite: o.suite }),
      deps: [],
      claims: { engine: 0 },
      timeoutMs: env.test.timeoutMs,
      stallMs: env.timeouts.stall,
      retry: 'never',
      cached: false,
    },
  ]);
  emitRunStarted(
    o.bus,
    { command: 'test', capacity: env.capacity, target: o.target.type, engine: runEngine(o.engine) },
    plan,
  );
  let test: TestOutcome | undefined;
  const summary = await runPlan(plan, {
    bus: o.bus,
    capacity: env.capacity,
    signal: o.signal,
    heartbeatMs: env.timeouts.heartbeat,
    execute: (step, ctx) =>
      runTestStep(
        env,
        { endpoints: () => endpoints, testEnv: () => o.target.testEnv() },
        o.runner,
        ctx,
        (t) => {
          test = t;
        },
        {
          ...testReporting(env, o.bus, deployed.images, o.processEnv),
          stepId: step.id,
          ...(o.suite === undefined ? {} : { caseIdPrefix: `${o.suite}/` }),
        },
        shardRequest(env, o.bus.runId, o.shard),
      ),
  });
  o.bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  return { summary, ...(test ? { test } : {}) };
}
