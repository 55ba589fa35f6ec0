// Content tags for every image of an env, where each already exists (engine, registry), and the build executor that fits.
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { Plan } from '../plan/types.js';
import type { StepExecutor } from './scheduler-types.js';
import { computeImageTags } from '../cache/image-key.js';
import { registryMode, resolveImageSources, type ImagePresence, type RegistryMode } from '../registry/image-sources.js';
import { withRegistry } from '../registry/registry-executor.js';
import { createPuller, type Puller } from '../registry/transfer.js';
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

/** Hashes every build context and asks the engine (and the registry, in registry mode) which tags exist. */
export async function resolveImages(env: Env, engine: ContainerEngine, signal: AbortSignal, options: { push?: boolean } = {}): Promise<ResolvedImages> {
  const registry = registryMode(env, { push: Boolean(options.push) });
  const tags = await computeImageTags(env.images, { signal });
  const { refs, presence, cached } = await resolveImageSources({ tags, engine, signal, ...(registry ? { registry } : {}) });
  return { refs, presence, cached, ...(registry ? { registry, puller: createPuller(engine, registry.insecure) } : {}) };
}

/** The plan with each cached build step saying why it was skipped. */
export function withCachedDetails(plan: Plan, resolved: ResolvedImages): Plan {
  return { ...plan, steps: plan.steps.map((s) => {
    const detail = s.kind === 'build' ? resolved.cached.get(s.subject) : undefined;
    return detail === undefined ? s : { ...s, cachedDetail: detail };
  }) };
}

/** The executor for build steps: plain builds, or in registry mode builds that pull bases and push results. */
export function imageBuildExecutor(env: Env, engine: ContainerEngine, resolved: ResolvedImages, run: { runId: string; version: string }): StepExecutor {
  const images = new Map(env.images.map((i) => [i.name, i]));
  const build = buildImageExecutor({ engine, envName: env.name, runId: run.runId, version: run.version, images, refs: resolved.refs });
  if (!resolved.registry) return build;
  return withRegistry(build, { engine, registry: resolved.registry, images, refs: resolved.refs, presence: resolved.presence, ...(resolved.puller ? { puller: resolved.puller } : {}) });
}
