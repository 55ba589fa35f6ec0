// `tarmac build`: hash contexts, ask the engine (and registry) what exists, plan, then run the builds under the scheduler.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { RunSummary } from './scheduler.js';
import type { HostGate } from './scheduler-types.js';
import { planBuild } from '../plan/build-plan.js';
import { runPlan } from './scheduler.js';
import { imageBuildExecutor, resolveImages, withCachedDetails, type ResolveImagesOptions } from './resolve-images.js';
import { emitRunStarted, runEngine } from './run-events.js';
import type { EngineHealer } from './recovery.js';
import { engineWatchDeps } from './recovery-wiring.js';

export interface BuildImagesOptions {
  env: Env;
  /** The contexts' tags, hashing since the session opened (resolve-images.ts hashEarly); absent: hashed here. */
  tags?: ResolveImagesOptions['tags'];
  engine: ContainerEngine;
  bus: EventBus;
  signal: AbortSignal;
  version: string;
  capacity?: number;
  only?: string[];
  /** Push built images to `env.registry` even when its `push` is off (`tarmac build --push`). */
  push?: boolean;
  /** The host-wide engine lease (src/lease), shared with other tarmac runs on this host. */
  hostGate?: HostGate;
  /** `--heal`: restart the engine after a crash where tarmac knows how. */
  heal?: EngineHealer;
  /** Learned step durations (history): the plan's estimates, hence its priorities. */
  durations?: ReadonlyMap<string, number>;
  /** For registry credentials (TARMAC_REGISTRY_USERNAME / TARMAC_REGISTRY_PASSWORD). */
  processEnv?: Record<string, string | undefined>;
}

export interface BuiltImage {
  name: string;
  ref: string;
}

export interface BuildImagesResult {
  summary: RunSummary;
  images: BuiltImage[];
  /** Whole command time: hashing, cache checks and builds. */
  durationMs: number;
}

/** Builds every image the engine (or, in registry mode, the registry) does not already have; pushes in registry mode. */
export async function buildImages(options: BuildImagesOptions): Promise<BuildImagesResult> {
  const { env, engine, bus, signal } = options;
  const started = Date.now();
  const resolved = await resolveImages(env, engine, signal, {
    push: Boolean(options.push),
    ...(options.processEnv ? { processEnv: options.processEnv } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
  const plan = withCachedDetails(
    planBuild(env, {
      cachedImages: new Set(resolved.cached.keys()),
      ...(options.only ? { only: options.only } : {}),
      ...(options.durations ? { durations: options.durations } : {}),
    }),
    resolved,
  );
  const capacity = options.capacity ?? env.capacity;
  emitRunStarted(bus, { command: 'build', capacity, target: 'none', engine: runEngine(engine) }, plan);
  const execute = imageBuildExecutor(env, engine, resolved, { runId: bus.runId, version: options.version });
  const summary = await runPlan(plan, {
    bus,
    capacity,
    signal,
    execute,
    heartbeatMs: env.timeouts.heartbeat,
    hostGate: options.hostGate,
    ...engineWatchDeps(engine, env, options.heal),
  });
  bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  const subjects = new Set(plan.steps.map((s) => s.subject));
  const images = [...resolved.refs].filter(([name]) => subjects.has(name)).map(([name, ref]) => ({ name, ref }));
  return { summary, images, durationMs: Date.now() - started };
}
