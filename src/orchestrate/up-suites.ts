// `tarmac up --suite a,b` / `--all`: one plan across the chosen suites (each image built once, each suite's clusters
// created while the builds run, suites gated by the memory budget), run by the same scheduler and the same
// per-env executors as `up`: each suite cluster is an Env of its own (config/suite-env.ts) with its own target.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, SuiteSpec } from '../config/types.js';
import { suiteClusterEnvs } from '../config/suite-env.js';
import { ExitCode, InternalError, TarmacError } from '../errors/errors.js';
import type { RenderedGroup } from '../kube/types.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { chooseSuites, type SuitesPlan } from '../plan/suites-plan.js';
import type { ClusterTarget, TargetType } from '../targets/types.js';
import { runDir } from '../journal/run-dir.js';
import { runPlan } from './scheduler.js';
import { resolveImages } from './resolve-images.js';
import { suitesRunPlan } from './suites-run-plan.js';
import type { Shard } from '../plan/shard.js';
import type { LearnedFootprint } from '../plan/suite-footprint.js';
import { emitRunStarted, runEngine } from './run-events.js';
import { renderDeployGroups } from './render-groups.js';
import { checkDeployable, checkTestCommand } from './preflight.js';
import { stepDispatcher } from './executors/dispatch.js';
import { runTestStep } from './executors/test-step.js';
import { suiteTestTarget } from './executors/suite-test-target.js';
import { testReporting } from './executors/test-report.js';
import type { TestOutcome } from './executors/test-suite.js';
import { engineWatchDeps } from './recovery-wiring.js';
import { writeEnvState } from './env-state.js';
import { suiteResults, writeMergedJUnit, type SuiteResult } from './suite-results.js';
import type { UpOptions, UpResult } from './up.js';
import { runningContainersMemory } from '../engines/container-memory.js';
import { startSuiteMemorySampler } from './suite-memory.js';

/** How often a suites run measures its suites' memory (and once more as each suite's tests start). */
const MEMORY_SAMPLE_MS = 10_000;

export interface UpSuitesOptions extends Omit<UpOptions, 'target' | 'shard' | 'keepOnInterrupt'> {
  /** The chosen suites by name. */
  suites: readonly string[];
  /** The target type every suite cluster gets. */
  targetType: TargetType;
  /** The target of one suite cluster's Env (the CLI's selectTarget). */
  targetFor: (env: Env) => ClusterTarget;
  /** `--fail-fast`: the first failure stops the run (nothing new starts). */
  failFast?: boolean;
  /** Memory footprints per suite learned from history (a declared `memory` wins). */
  learnedFootprints?: ReadonlyMap<string, LearnedFootprint>;
  /** The shard of its tests a suite runs (`--suite a@I/N`, `--suite a --shard I/N`); absent: all of them. */
  shards?: ReadonlyMap<string, Shard>;
}

export interface UpSuitesResult extends Omit<UpResult, 'test'> {
  suites: SuiteResult[];
  /** The merged JUnit file of every suite's cases (absent: no suite wrote JUnit). */
  junit?: string;
  waits: SuitesPlan['waits'];
}

/** Runs the chosen suites side by side and records each suite cluster's state like `up` does. */
export async function upSuites(options: UpSuitesOptions): Promise<UpSuitesResult> {
  const { env, engine, bus, signal } = options;
  const started = Date.now();
  const chosen = checkSuites(env, options.suites);
  const envs = suiteClusterEnvs(env, chosen);
  if (options.withTest) for (const e of envs.values()) checkTestCommand(e, options.processEnv);
  // As `up --pull-only`: the refs file's or the contexts' tags, every build skipped, the deployed images pulled.
  const resolved = await resolveImages(env, engine, signal, {
    pull: Boolean(options.pullOnly),
    processEnv: options.processEnv,
    ...(options.refs ? { refs: options.refs.images } : {}),
  });
  const groups = new Map<string, Map<string, RenderedGroup>>();
  for (const [key, e] of envs) groups.set(key, await renderDeployGroups(e, resolved.refs, options.runner));
  const targets = new Map([...envs].map(([key, e]) => [key, options.targetFor(e)]));
  const note = (message: string) => bus.emit({ type: 'decision', message });
  for (const [key, e] of envs)
    await checkDeployable({ env: e, target: targets.get(key)!.type, groups: groups.get(key)!, engine, signal, note });
  const groupImages = new Map(
    [...groups].flatMap(([key, g]) => [...g].map(([name, r]) => [`${key.split('/')[0]}/${name}`, r.images] as const)),
  );
  const { images, suitesPlan, plan } = suitesRunPlan(env, {
    resolved,
    suites: chosen.map((s) => s.name),
    target: options.targetType,
    groupImages,
    withTest: options.withTest,
    ...(options.pullOnly ? { pullOnly: true } : {}),
    ...(options.refs ? { refsFile: options.refs.path } : {}),
    ...(options.durations ? { durations: options.durations } : {}),
    ...(options.learnedFootprints ? { learnedFootprints: options.learnedFootprints } : {}),
  });
  const capacity = options.capacity ?? env.capacity;
  emitRunStarted(bus, { command: 'up', capacity, target: options.targetType, engine: runEngine(engine) }, plan);
  for (const wait of suitesPlan.waits)
    bus.emit({ type: 'decision', message: `suite ${wait.suite} waits: ${wait.reason}` });
  const outcomes = new Map<string, TestOutcome>();
  const base = runDir(env.stateDir, bus.runId);
  const dispatch = (key: string, e: Env): StepExecutor =>
    stepDispatcher({
      env: e,
      engine,
      target: targets.get(key)!,
      runner: options.runner,
      runId: bus.runId,
      version: options.version,
      images,
      groups: groups.get(key) ?? new Map(),
      onTestOutcome: () => undefined,
      deployRecords: { stateDir: e.stateDir, runId: bus.runId },
    });
  // Builds belong to no suite: they run under the file's own env (its name labels the images).
  const firstKey = [...envs.keys()][0]!;
  const builds = stepDispatcher({
    env,
    engine,
    target: targets.get(firstKey)!,
    runner: options.runner,
    runId: bus.runId,
    version: options.version,
    images,
    groups: new Map(),
    onTestOutcome: () => undefined,
  });
  const clusterLabels = (key: string): Record<string, string>[] => {
    const labels = targets.get(key)?.containerLabels?.();
    return labels ? [labels] : [];
  };
  const perCluster = new Map([...envs].map(([key, e]) => [key, dispatch(key, e)]));
  const memory = startSuiteMemorySampler({
    suites: new Map(chosen.map((s) => [s.name, s.clusters.flatMap((c) => clusterLabels(`${s.name}/${c.name}`))])),
    read: (abort) => runningContainersMemory(engine, abort),
    signal,
    everyMs: MEMORY_SAMPLE_MS,
  });
  const execute: StepExecutor = (step, ctx) => {
    if (step.kind === 'build') return builds(step, ctx);
    const suite = chosen.find((s) => s.name === step.suite);
    if (!suite) throw new InternalError(`step ${step.id} belongs to no chosen suite`);
    if (step.kind === 'test') {
      // Its env is deployed now: the moment a short suite is most likely to be measured at all.
      memory.sample();
      const clusters = suite.clusters.map((c) => ({ name: c.name, target: targets.get(`${suite.name}/${c.name}`)! }));
      const dir = join(base, 'suites', suite.name);
      mkdirSync(dir, { recursive: true });
      const shard = options.shards?.get(suite.name);
      const reporting = testReporting(env, bus, Object.fromEntries(images.refs), options.processEnv);
      return runTestStep(
        envs.get(`${suite.name}/${suite.clusters[0]!.name}`)!,
        suiteTestTarget(clusters),
        options.runner,
        ctx,
        (o) => outcomes.set(suite.name, o),
        { ...reporting, runDir: dir, caseIdPrefix: `${suite.name}/`, stepId: step.id },
        // The shard's test list goes to the suite's own directory, beside its JUnit copy.
        shard ? { ...shard, runDir: dir } : undefined,
      );
    }
    // cluster:<suite>/<cluster>, deliver:<suite>/<cluster>/<image>, deploy:<suite>/<cluster>/<group>
    const key = step.id
      .slice(step.id.indexOf(':') + 1)
      .split('/')
      .slice(0, 2)
      .join('/');
    const run = perCluster.get(key);
    if (!run) throw new InternalError(`no suite cluster for step ${step.id}`);
    return run(step, ctx);
  };
  // The sampler stops however the run ends; stop() again only reads the peaks.
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal,
    execute,
    heartbeatMs: env.timeouts.heartbeat,
    hostGate: options.hostGate,
    ...(options.failFast ? { failFast: true } : {}),
    ...engineWatchDeps(engine, env, options.heal),
  }).finally(() => memory.stop());
  for (const peak of await memory.stop()) bus.emit({ type: 'suite.memory', ...peak });
  bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  for (const [key, e] of envs)
    writeEnvState(e.stateDir, {
      target: options.targetType,
      cluster: targets.get(key)!.name,
      runId: bus.runId,
      images: Object.fromEntries(images.refs),
      outcome: summary.outcome,
      at: new Date().toISOString(),
    });
  const suites = suiteResults(chosen, plan, summary, outcomes, base);
  const junit = writeMergedJUnit(suites, base);
  return {
    summary,
    refs: images.refs,
    suites,
    ...(junit ? { junit } : {}),
    waits: suitesPlan.waits,
    durationMs: Date.now() - started,
  };
}

/** The chosen suites, refusing what a suites run cannot do (usage errors, before anything is created). */
export function checkSuites(env: Env, names: readonly string[]): SuiteSpec[] {
  const chosen = chooseSuites(env, names);
  refuseHooks(chosen);
  refuseSharedJUnit(chosen);
  return chosen;
}

// planSuites makes no hook steps yet: running such a suite would skip its hooks silently.
function refuseHooks(suites: readonly SuiteSpec[]): void {
  for (const suite of suites) {
    const group = suite.deploy.find((g) => g.hooks && g.hooks.before.length + g.hooks.after.length > 0);
    if (group)
      throw new TarmacError('SUITE_HOOKS_UNSUPPORTED', `suite ${suite.name}: group ${group.name} has hooks`, {
        exitCode: ExitCode.usage,
        hint: 'Suites do not run deploy-group hooks yet: remove them from the groups the suite deploys, or run the hooks in the test command.',
      });
  }
}

// Suites run side by side: two writing one JUnit file would read each other's results.
function refuseSharedJUnit(suites: readonly SuiteSpec[]): void {
  const seen = new Map<string, string>();
  for (const suite of suites) {
    const file = suite.test?.junit;
    if (file === undefined) continue;
    const other = seen.get(file);
    if (other !== undefined)
      throw new TarmacError('SUITE_JUNIT_SHARED', `suites ${other} and ${suite.name} both write ${file}`, {
        exitCode: ExitCode.usage,
        hint: 'Give each suite its own test.junit file (and tell its test command, e.g. through test.env).',
      });
    seen.set(file, suite.name);
  }
}
