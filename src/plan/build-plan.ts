// The plan for `tarmac build`: one build step per image, ordered by the images' dependsOn.
import { TarmacError, ExitCode } from '../errors/errors.js';
import type { Env, ImageSpec } from '../config/types.js';
import { assemblePlan } from './assemble.js';
import type { StepDraft } from './assemble.js';
import { didYouMean } from './did-you-mean.js';
import type { Plan, StepId } from './types.js';

export interface BuildPlanInput {
  /** Names of images whose content tag the engine already has. */
  cachedImages: ReadonlySet<string>;
  /** Recorded durations per step id, from history. */
  durations?: ReadonlyMap<StepId, number>;
  /** Build only these images and the images they depend on. */
  only?: readonly string[];
}

/** The id of the step that builds `image`. */
export function buildStepId(image: string): StepId {
  return `build:${image}`;
}

/**
 * The engine units a `deliver` step claims. A target that runs pods from the engine's own store (podman) has an image
 * built in this run already in place: its delivery is a presence check, and waiting for a build slot to make it
 * would hold deploys back behind unrelated builds. Elsewhere (kind: loading into nodes; podman: pulling a cached
 * image from the registry) delivery is engine work.
 */
export function deliverClaim(target: string, image: string, cachedImages: ReadonlySet<string>): number {
  return target === 'podman' && !cachedImages.has(image) ? 0 : 1;
}

/** Plans one `build:<image>` step per selected image. Throws UNKNOWN_IMAGE for an unknown `only` name. */
export function planBuild(env: Env, input: BuildPlanInput): Plan {
  const images = input.only ? selectImages(env.images, input.only) : env.images;
  const drafts = buildDrafts(images, env.timeouts, input.cachedImages);
  return assemblePlan(drafts, input.durations);
}

/** One `build:<image>` step per image, waiting for the images it is built on; cached when the engine has its tag. */
export function buildDrafts(
  images: readonly ImageSpec[],
  timeouts: Env['timeouts'],
  cachedImages: ReadonlySet<string>,
): StepDraft[] {
  return images.map((image) => ({
    id: buildStepId(image.name),
    kind: 'build',
    subject: image.name,
    deps: image.dependsOn.map(buildStepId),
    claims: { engine: image.weight },
    timeoutMs: timeouts.build,
    stallMs: timeouts.stall,
    retry: 'infra-only',
    cached: cachedImages.has(image.name),
  }));
}

/** The named images plus everything they depend on, transitively, in config order. */
export function selectImages(images: readonly ImageSpec[], only: readonly string[]): ImageSpec[] {
  const byName = new Map(images.map((i) => [i.name, i]));
  const unknown = only.filter((name) => !byName.has(name));
  if (unknown.length > 0) throw unknownImageError(unknown, [...byName.keys()]);
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    // An unknown dependsOn name is reported by the graph check as PLAN_UNKNOWN_DEP.
    for (const dep of byName.get(name)?.dependsOn ?? []) visit(dep);
  };
  only.forEach(visit);
  return images.filter((i) => wanted.has(i.name));
}

/** UNKNOWN_IMAGE naming each unknown name, a suggestion where one is close, and the known names. */
function unknownImageError(unknown: readonly string[], known: readonly string[]): TarmacError {
  const suggestions = unknown
    .map((name) => [name, didYouMean(name, known)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([name, match]) => `Did you mean \`${match}\` instead of \`${name}\`?`);
  const list =
    known.length > 0
      ? `Images in this file: ${known.map((n) => `\`${n}\``).join(', ')}.`
      : 'This file defines no images.';
  const what =
    unknown.length === 1
      ? `unknown image "${unknown[0]}"`
      : `unknown images ${unknown.map((n) => `"${n}"`).join(', ')}`;
  return new TarmacError('UNKNOWN_IMAGE', what, { exitCode: ExitCode.usage, hint: [...suggestions, list].join(' ') });
}
