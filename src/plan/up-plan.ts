// The plan for `tarmac up`: builds, the cluster, per-image delivery as soon as both are ready, deploy groups in
// `after` order, then the test step. Pure: all facts come in through the input.
import type { Env } from '../config/types.js';
import { assemblePlan, type StepDraft } from './assemble.js';
import { buildDrafts, buildStepId, deliverClaim } from './build-plan.js';
import { groupDoneStep, hookDrafts, lastBeforeHook } from './hook-steps.js';
import { fasterOrder } from './order-choice.js';
import type { Plan, StepId } from './types.js';

export interface UpPlanInput {
  /** The chosen target (config's `cluster.target` once `auto` is resolved; plan/ does not import targets/). */
  target: Exclude<Env['cluster']['target'], 'auto'>;
  /** Images whose content tag already exists (locally or in the registry): their build steps are cached. */
  cachedImages: ReadonlySet<string>;
  /** Logical images each deploy group uses, from the rendered manifests. */
  groupImages: ReadonlyMap<string, readonly string[]>;
  /**
   * Images the target already holds, known before the run (podman target: found in the engine's store, whose
   * images the pods run): their deliver steps are cached, so they wait for no engine unit.
   */
  presentOnTarget?: ReadonlySet<string>;
  /** Run the test step (false for `up --no-test`). */
  withTest: boolean;
  durations?: ReadonlyMap<StepId, number>;
  /** The engine units the run will have: when given, the start order that simulates shorter is kept (order-choice.ts). */
  capacity?: number;
}

export const CLUSTER_STEP = 'cluster';
export const TEST_STEP = 'test';
export const deliverStepId = (image: string): StepId => `deliver:${image}`;
export const deployStepId = (group: string): StepId => `deploy:${group}`;

/** Plans every step of `up`; only images some deploy group uses are delivered. */
export function planUp(env: Env, input: UpPlanInput): Plan {
  const t = env.timeouts;
  const base = { stallMs: t.stall, cached: false } as const;
  const drafts: StepDraft[] = buildDrafts(env.images, t, input.cachedImages);
  // kind runs its node containers on the same engine, so creating a cluster takes an engine unit; a podman network does not.
  drafts.push({
    ...base,
    id: CLUSTER_STEP,
    kind: 'cluster',
    subject: env.cluster.name,
    deps: [],
    claims: { engine: input.target === 'kind' ? 1 : 0 },
    timeoutMs: t.cluster,
    retry: 'infra-only',
  });
  const delivered = [...new Set([...input.groupImages.values()].flat())].filter((name) =>
    env.images.some((i) => i.name === name),
  );
  for (const image of delivered) {
    drafts.push({
      ...base,
      id: deliverStepId(image),
      kind: 'deliver',
      subject: image,
      deps: [buildStepId(image), CLUSTER_STEP],
      claims: { engine: deliverClaim(input.target, image, input.cachedImages) },
      timeoutMs: t.deliver,
      retry: 'infra-only',
      ...(input.presentOnTarget?.has(image)
        ? { cached: true, cachedDetail: 'already on the target (in the engine store at start)' }
        : {}),
    });
  }
  // A group waits for the groups in its `after` to be done: deployed, and their `after` hooks run.
  const doneStep = new Map(env.deploy.map((g) => [g.name, groupDoneStep(g, deployStepId(g.name))]));
  const doneOf = (name: string): StepId => doneStep.get(name) ?? deployStepId(name);
  for (const group of env.deploy) {
    const images = (input.groupImages.get(group.name) ?? []).filter((name) => delivered.includes(name));
    const before = lastBeforeHook(group);
    drafts.push(...hookDrafts(group, base, [CLUSTER_STEP, ...group.after.map(doneOf)], deployStepId(group.name)));
    drafts.push({
      ...base,
      id: deployStepId(group.name),
      kind: 'deploy',
      subject: group.name,
      deps: [CLUSTER_STEP, ...images.map(deliverStepId), ...group.after.map(doneOf), ...(before ? [before] : [])],
      claims: { engine: 0 },
      timeoutMs: t.deploy,
      retry: 'infra-only',
    });
  }
  if (input.withTest && env.test) {
    drafts.push({
      ...base,
      id: TEST_STEP,
      kind: 'test',
      subject: 'suite',
      deps: [CLUSTER_STEP, ...env.deploy.map((g) => doneOf(g.name))],
      claims: { engine: 0 },
      timeoutMs: env.test.timeoutMs,
      retry: 'never',
    });
  }
  const plan = assemblePlan(drafts, input.durations);
  return input.capacity === undefined ? plan : fasterOrder(plan, input.capacity);
}
