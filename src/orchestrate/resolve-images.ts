// Content tags for every image of an env, where each already exists (engine, registry), and the build executor that fits.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { Plan } from '../plan/types.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { computeImageTags, type ImageKey } from '../cache/image-key.js';
import { registryMode, resolveImageSources, type ImagePresence, type RegistryMode } from '../registry/image-sources.js';
import { withRegistry } from '../registry/registry-executor.js';
import { createPuller, type Puller } from '../registry/transfer.js';
import { assertPullable } from '../registry/pull-only.js';
import { buildImageExecutor } from './executors/build-image.js';

export interface ResolvedImages {
  /** Logical image name -> full reference, e.g. localhost/base:tm-0123456789ab (or the registry's). */
  refs: Map<string, string>;
  presence: ReadonlyMap<string, ImagePresence>;
  /** Names whose build is skipped, with why (e.g. "in registry: <ref>"). */
  cached: ReadonlyMap<string, string | undefined>;
  registry?: RegistryMode;
  /** One puller per run, so a build and a delivery never pull one image twice. */
  puller?: Puller;
}

export interface ResolveImagesOptions {
  /** `--push`: push to the registry even when registry.push is off. */
  push?: boolean;
  /** `--pull-only`: pull from the registry even when registry.pull is off. */
  pull?: boolean;
  /** For registry credentials (TARMAC_REGISTRY_USERNAME / TARMAC_REGISTRY_PASSWORD). */
  processEnv?: Record<string, string | undefined>;
  /** References from a build job's refs file: no context is hashed, these are used as they are. */
  refs?: ReadonlyMap<string, string>;
  /** The contexts' tags, hashing since the config was read (see hashEarly); absent: hashed here. */
  tags?: Promise<Map<string, ImageKey>>;
}

/** Hashes every build context (unless refs are given) and asks the engine (and the registry, in registry mode) which tags exist. */
export async function resolveImages(
  env: Env,
  engine: ContainerEngine,
  signal: AbortSignal,
  options: ResolveImagesOptions = {},
): Promise<ResolvedImages> {
  const registry = registryMode(env, {
    push: Boolean(options.push),
    pull: Boolean(options.pull),
    ...(options.processEnv ? { processEnv: options.processEnv } : {}),
  });
  const tags = options.refs
    ? new Map<string, { tag: string }>()
    : await (options.tags ?? computeImageTags(env.images, { signal }));
  const { refs, presence, cached } = await resolveImageSources({
    tags,
    engine,
    signal,
    ...(registry ? { registry } : {}),
    ...(options.refs ? { refs: options.refs } : {}),
  });
  return {
    refs,
    presence,
    cached,
    ...(registry ? { registry, puller: createPuller(engine, registry.insecure, registry.credentials) } : {}),
  };
}

/**
 * Starts hashing `env`'s build contexts now, so it runs beside the session's engine detection and preflight; `abort`
 * stops it. Only after the env's lock (a run waiting for the lock hashes once it has it: edits made meanwhile count).
 */
export function hashEarly(env: Env, signal: AbortSignal): Promise<Map<string, ImageKey>> {
  const tags = computeImageTags(env.images, { signal });
  // Its failure (a context that cannot be read) is thrown where the tags are used, as before; not here, unwatched.
  tags.catch(() => undefined);
  return tags;
}

/**
 * `--pull-only`: checks that every image the deploy groups use is in the engine or the registry (throws
 * IMAGE_NOT_IN_REGISTRY otherwise) and marks every build cached, so nothing is built; delivery pulls.
 */
export function asPullOnly(
  resolved: ResolvedImages,
  groups: ReadonlyMap<string, { images: readonly string[] }>,
  refsFile?: string,
): ResolvedImages {
  const needed = [...new Set([...groups.values()].flatMap((g) => g.images))]
    .filter((name) => resolved.refs.has(name))
    .sort();
  assertPullable({ needed, refs: resolved.refs, presence: resolved.presence, ...(refsFile ? { refsFile } : {}) });
  const cached = new Map(
    [...resolved.refs].map(([name, ref]) => [name, resolved.cached.get(name) ?? `pull-only: ${ref}`]),
  );
  return { ...resolved, cached };
}

/** The plan with each cached build step saying why it was skipped. */
export function withCachedDetails(plan: Plan, resolved: ResolvedImages): Plan {
  return {
    ...plan,
    steps: plan.steps.map((s) => {
      const detail = s.kind === 'build' ? resolved.cached.get(s.subject) : undefined;
      return detail === undefined ? s : { ...s, cachedDetail: detail };
    }),
  };
}

/** The executor for build steps: plain builds, or in registry mode builds that pull bases and push results. */
export function imageBuildExecutor(
  env: Env,
  engine: ContainerEngine,
  resolved: ResolvedImages,
  run: { runId: string; version: string },
): StepExecutor {
  const images = new Map(env.images.map((i) => [i.name, i]));
  const build = buildImageExecutor({
    engine,
    envName: env.name,
    runId: run.runId,
    version: run.version,
    images,
    refs: resolved.refs,
  });
  if (!resolved.registry) return build;
  return withRegistry(build, {
    engine,
    registry: resolved.registry,
    images,
    refs: resolved.refs,
    presence: resolved.presence,
    ...(resolved.puller ? { puller: resolved.puller } : {}),
  });
}

/**
 * Images a target that runs from the engine's store already holds: those the run's image listing found there and
 * whose build is cached (an image built in this run is delivered, and verified, as before).
 */
export function presentOnTarget(target: { runsFromEngineStore?: boolean }, resolved: ResolvedImages): Set<string> {
  if (!target.runsFromEngineStore) return new Set();
  return new Set([...resolved.cached.keys()].filter((name) => resolved.presence.get(name)?.local === true));
}
