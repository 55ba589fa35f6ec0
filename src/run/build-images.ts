// `tarmac build`: hash contexts, ask the engine what exists, plan, then run the builds under the scheduler.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { RunSummary } from './scheduler.js';
import { computeImageTags, imageRef } from '../cache/image-key.js';
import { planBuild } from '../plan/build-plan.js';
import { runPlan } from './scheduler.js';
import { buildImageExecutor } from './executors/build-image.js';

export interface BuildImagesOptions {
  env: Env;
  engine: ContainerEngine;
  bus: EventBus;
  signal: AbortSignal;
  version: string;
  capacity?: number;
  only?: string[];
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

/** Builds every image of the env that the engine does not already have, and reports the outcome per image. */
export async function buildImages(options: BuildImagesOptions): Promise<BuildImagesResult> {
  const { env, engine, bus, signal } = options;
  const started = Date.now();
  const keys = await computeImageTags(env.images, { signal });
  const refs = new Map<string, string>();
  for (const image of env.images) {
    const key = keys.get(image.name);
    if (key) refs.set(image.name, imageRef(image.name, key.tag));
  }
  const cachedImages = new Set<string>();
  await Promise.all(
    [...refs].map(async ([name, ref]) => {
      if (await engine.imageExists(ref, signal)) cachedImages.add(name);
    }),
  );
  const plan = planBuild(env, { cachedImages, ...(options.only ? { only: options.only } : {}) });
  const capacity = options.capacity ?? env.capacity;
  bus.emit({
    type: 'run.started',
    command: 'build',
    capacity,
    steps: plan.steps.map((s) => ({ id: s.id, kind: s.kind, subject: s.subject, deps: s.deps, claims: s.claims, cached: s.cached })),
  });
  const execute = buildImageExecutor({
    engine,
    envName: env.name,
    runId: bus.runId,
    version: options.version,
    images: new Map(env.images.map((i) => [i.name, i])),
    refs,
  });
  const summary = await runPlan(plan, { bus, capacity, signal, execute, heartbeatMs: env.timeouts.heartbeat });
  bus.emit({ type: 'run.finished', outcome: summary.outcome, durationMs: summary.durationMs });
  const planned = new Set(plan.steps.map((s) => s.subject));
  const images = [...refs].filter(([name]) => planned.has(name)).map(([name, ref]) => ({ name, ref }));
  return { summary, images, durationMs: Date.now() - started };
}
