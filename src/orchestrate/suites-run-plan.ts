// The plan of a suites run from its resolved images and rendered groups; under `--pull-only` (as `up --pull-only`)
// every build is skipped and each image a chosen suite deploys must be in the engine or the registry. Pure.
import type { Env } from '../config/types.js';
import { planSuites, type SuitesPlan, type SuitesPlanInput } from '../plan/suites-plan.js';
import type { Plan } from '../plan/types.js';
import { asPullOnly, withCachedDetails, type ResolvedImages } from './resolve-images.js';

export interface SuitesRunPlanInput extends Omit<SuitesPlanInput, 'cachedImages' | 'groupImages'> {
  resolved: ResolvedImages;
  /** Images each group of each chosen suite uses, key `<suite>/<group>` (from the rendered manifests). */
  groupImages: ReadonlyMap<string, readonly string[]>;
  /** `--pull-only`: nothing is built; IMAGE_NOT_IN_REGISTRY when a deployed image is nowhere. */
  pullOnly?: boolean;
  /** The refs file the references came from, for the error's hint. */
  refsFile?: string;
}

/** The images as the run uses them (all cached under --pull-only), the suites plan, and the plan to run. */
export function suitesRunPlan(
  env: Env,
  input: SuitesRunPlanInput,
): { images: ResolvedImages; suitesPlan: SuitesPlan; plan: Plan } {
  const { resolved, pullOnly, refsFile, ...rest } = input;
  // Only the chosen suites' groups are pulled for (and checked): an image no chosen suite deploys may be absent.
  const deployed = [...input.groupImages].filter(([key]) => input.suites.includes(key.split('/')[0]!));
  const images = pullOnly
    ? asPullOnly(resolved, new Map(deployed.map(([key, list]) => [key, { images: list }])), refsFile)
    : resolved;
  const suitesPlan = planSuites(env, { ...rest, cachedImages: new Set(images.cached.keys()) });
  return { images, suitesPlan, plan: withCachedDetails(suitesPlan.plan, images) };
}
