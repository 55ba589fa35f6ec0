// Registry mode around the build and deliver executors: pull what a step needs, build (or not), push by content tag.
import type { ImageSpec } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { Step } from '../plan/types.js';
import type { ExecutorContext, ExecutorResult, StepExecutor } from '../plan/step-executor.js';
import type { ImagePresence, RegistryMode } from './image-sources.js';
import { createPuller, pushImage, type Puller, type TagLookup } from './transfer.js';

export interface RegistryExecutorDeps {
  engine: ContainerEngine;
  registry: RegistryMode;
  images: ReadonlyMap<string, ImageSpec>;
  refs: ReadonlyMap<string, string>;
  /** What resolveImageSources found before the run. */
  presence: ReadonlyMap<string, ImagePresence>;
  /** Share one with withRegistryDelivery so a build and a delivery never pull one image twice. */
  puller?: Puller;
  hasTag?: TagLookup;
}

/**
 * Wraps a `build:<image>` executor for registry mode. Before building, every base the image is
 * built FROM is pulled when the engine lacks it (a base cached "in registry" was never pulled).
 * An image the engine already has is not rebuilt. With `registry.push`, the result is then pushed
 * and verified, each transfer reported as its own output line ("pushed <ref>").
 */
export function withRegistry(build: StepExecutor, deps: RegistryExecutorDeps): StepExecutor {
  const pull = deps.puller ?? createPuller(deps.engine, deps.registry.insecure, deps.registry.credentials);
  return async (step: Step, ctx: ExecutorContext): Promise<ExecutorResult> => {
    const { spec, ref } = lookup(step, deps);
    let result: ExecutorResult;
    if (deps.presence.get(spec.name)?.local) {
      result = { state: 'cached', detail: `${ref} (local)` };
    } else {
      for (const base of spec.dependsOn) {
        const baseRef = deps.refs.get(base);
        if (baseRef) await pull(baseRef, { signal: ctx.signal, output: ctx.output });
      }
      result = await build(step, ctx);
    }
    if (!deps.registry.push) return result;
    const credentials = deps.registry.credentials ? { credentials: deps.registry.credentials } : {};
    await pushImage(deps.engine, ref, {
      insecure: deps.registry.insecure,
      signal: ctx.signal,
      output: ctx.output,
      ...credentials,
      ...(deps.hasTag ? { hasTag: deps.hasTag } : {}),
    });
    return { state: result.state, detail: `${ref}, pushed` };
  };
}

/**
 * Wraps a `deliver:<image>` executor for registry mode: delivery starts from the local engine, so an
 * image that is only in the registry (its build was cached "in registry") is pulled first
 * ("pulled <ref>" in the step output); then the target's own delivery runs unchanged.
 */
export function withRegistryDelivery(
  deliver: StepExecutor,
  deps: Pick<RegistryExecutorDeps, 'engine' | 'registry' | 'refs' | 'puller'>,
): StepExecutor {
  const pull = deps.puller ?? createPuller(deps.engine, deps.registry.insecure, deps.registry.credentials);
  return async (step: Step, ctx: ExecutorContext): Promise<ExecutorResult> => {
    const ref = deps.refs.get(step.subject);
    if (!ref)
      throw new TarmacError('INTERNAL', `no image reference for ${step.subject}`, { exitCode: ExitCode.internal });
    await pull(ref, { signal: ctx.signal, output: ctx.output });
    return deliver(step, ctx);
  };
}

// The spec and reference of a build step's image; their absence is a bug in the caller.
function lookup(step: Step, deps: RegistryExecutorDeps): { spec: ImageSpec; ref: string } {
  const spec = deps.images.get(step.subject);
  const ref = deps.refs.get(step.subject);
  if (!spec || !ref)
    throw new TarmacError('INTERNAL', `no image spec for ${step.subject}`, { exitCode: ExitCode.internal });
  return { spec, ref };
}
