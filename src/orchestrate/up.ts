// `tarmac up`: preflight, then builds in parallel with cluster create/reuse, per-image delivery, deploy groups and the tests.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { CommandRunner } from '../exec/types.js';
import type { RenderedGroup } from '../kube/types.js';
import type { ClusterTarget } from '../targets/types.js';
import type { RunSummary } from './scheduler.js';
import type { HostGate } from './scheduler-types.js';
import { planUp } from '../plan/up-plan.js';
import { runPlan } from './scheduler.js';
import {
  asPullOnly,
  presentOnTarget,
  resolveImages,
  withCachedDetails,
  type ResolveImagesOptions,
} from './resolve-images.js';
import { shardRequest, withShard } from './executors/test-shard.js';
import type { Shard } from '../plan/shard.js';
import { emitRunStarted, runEngine } from './run-events.js';
import { renderDeployGroups } from './render-groups.js';
import { checkDeployable, checkTestCommand } from './preflight.js';
import { stepDispatcher } from './executors/dispatch.js';
import type { TestOutcome } from './executors/test-suite.js';
import type { EngineHealer } from './recovery.js';
import { engineWatchDeps } from './recovery-wiring.js';
import { clearEnvState, writeEnvState } from './env-state.js';
import { testReporting } from './executors/test-report.js';
import { removeAfterInterrupt } from '../reconcile/teardown-on-interrupt.js';

export interface UpOptions {
  env: Env;
  /** The contexts' tags, hashing since the session opened (resolve-images.ts hashEarly); absent: hashed here. */
  tags?: ResolveImagesOptions['tags'];
  engine: ContainerEngine;
  target: ClusterTarget;
  runner: CommandRunner;
  bus: EventBus;
  signal: AbortSignal;
  version: string;
  processEnv: NodeJS.ProcessEnv;
  withTest: boolean;
  capacity?: number;
  /** The host-wide engine lease (src/lease), shared with other tarmac runs on this host. */
  hostGate?: HostGate;
  /** `--heal`: restart the engine after a crash where tarmac knows how. */
  heal?: EngineHealer;
  /** On interrupt keep what was created (default), or remove the env as `down` does (`--no-keep`). */
  keepOnInterrupt?: boolean;
  /** Learned step durations (history): the plan's estimates, hence its priorities. */
  durations?: ReadonlyMap<string, number>;
  /** `--pull-only`: never build; every deployed image is pulled from the registry (IMAGE_NOT_IN_REGISTRY if missing). */
  pullOnly?: boolean;
  /** `--refs FILE`: the build job's references, used instead of hashing the build contexts. */
  refs?: { path: string; images: ReadonlyMap<string, string> };
  /** `--shard I/N`: the test step runs only this shard's tests. */
  shard?: Shard;
}

export interface UpResult {
  summary: RunSummary;
  refs: Map<string, string>;
  test?: TestOutcome;
  durationMs: number;
}

/** Runs the whole `up` flow and records what is deployed in `.tarmac/state.json`. */
export async function up(options: UpOptions): Promise<UpResult> {
  const { env, engine, target, bus, signal } = options;
  const started = Date.now();
  if (options.withTest) checkTestCommand(env, options.processEnv);
  const resolved = await resolveImages(env, engine, signal, {
    pull: Boolean(options.pullOnly),
    processEnv: options.processEnv,
    ...(options.refs ? { refs: options.refs.images } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
  const groups: Map<string, RenderedGroup> = await renderDeployGroups(env, resolved.refs, options.runner);
  const note = (message: string) => bus.emit({ type: 'decision', message });
  await checkDeployable({ env, target: target.type, groups, engine, signal, note });
  const images = options.pullOnly ? asPullOnly(resolved, groups, options.refs?.path) : resolved;
  const capacity = options.capacity ?? env.capacity;
  const plan = withCachedDetails(
    planUp(env, {
      capacity,
      target: target.type,
      cachedImages: new Set(images.cached.keys()),
      presentOnTarget: presentOnTarget(target, images),
      groupImages: new Map([...groups].map(([name, g]) => [name, g.images])),
      withTest: options.withTest,
      ...(options.durations ? { durations: options.durations } : {}),
    }),
    images,
  );
  emitRunStarted(bus, { command: 'up', capacity, target: target.type, engine: runEngine(engine) }, plan);
  let test: TestOutcome | undefined;
  const execute = stepDispatcher({
    env,
    engine,
    target,
    runner: options.runner,
    runId: bus.runId,
    version: options.version,
    images,
    groups,
    onTestOutcome: (o) => {
      test = o;
    },
    testReporting: testReporting(env, bus, Object.fromEntries(images.refs), options.processEnv),
    ...withShard(shardRequest(env, bus.runId, options.shard)),
    deployRecords: { stateDir: env.stateDir, runId: bus.runId },
  });
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal,
    execute,
    heartbeatMs: env.timeouts.heartbeat,
    hostGate: options.hostGate,
    ...engineWatchDeps(engine, env, options.heal),
  });
  // Before run.finished, so the teardown is part of the run's journal.
  const removed =
    summary.outcome === 'cancelled' && options.keepOnInterrupt === false
      ? await removeAfterInterrupt(target, bus)
      : undefined;
  bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  if (removed) clearEnvState(env.stateDir);
  else
    writeEnvState(env.stateDir, {
      target: target.type,
      cluster: target.name,
      runId: bus.runId,
      images: Object.fromEntries(images.refs),
      outcome: summary.outcome,
      at: new Date().toISOString(),
    });
  return { summary, refs: images.refs, ...(test ? { test } : {}), durationMs: Date.now() - started };
}
