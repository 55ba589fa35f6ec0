import { assemblePlan } from "./assemble.js";
import { buildStepId } from "./build-plan.js";
import { groupDoneStep, hookDrafts, lastBeforeHook } from "./hook-steps.js";
const CLUSTER_STEP = "cluster";
const TEST_STEP = "test";
const deliverStepId = (image) => `deliver:${image}`;
const deployStepId = (group) => `deploy:${group}`;
function planUp(env, input) {
  const t = env.timeouts;
  const base = { stallMs: t.stall, cached: false };
  const drafts = env.images.map((image) => ({
    ...base,
    id: buildStepId(image.name),
    kind: "build",
    subject: image.name,
    deps: image.dependsOn.map(buildStepId),
    claims: { engine: image.weight },
    timeoutMs: t.build,
    retry: "infra-only",
    cached: input.cachedImages.has(image.name)
  }));
  drafts.push({
    ...base,
    id: CLUSTER_STEP,
    kind: "cluster",
    subject: env.cluster.name,
    deps: [],
    claims: { engine: input.target === "kind" ? 1 : 0 },
    timeoutMs: t.cluster,
    retry: "infra-only"
  });
  const delivered = [...new Set([...input.groupImages.values()].flat())].filter(
    (name) => env.images.some((i) => i.name === name)
  );
  for (const image of delivered) {
    drafts.push({
      ...base,
      id: deliverStepId(image),
      kind: "deliver",
      subject: image,
      deps: [buildStepId(image), CLUSTER_STEP],
      claims: { engine: 1 },
      timeoutMs: t.deliver,
      retry: "infra-only",
      ...input.presentOnTarget?.has(image) ? { cached: true, cachedDetail: "already on the target (in the engine store at start)" } : {}
    });
  }
  const doneStep = new Map(env.deploy.map((g) => [g.name, groupDoneStep(g, deployStepId(g.name))]));
  const doneOf = (name) => doneStep.get(name) ?? deployStepId(name);
  for (const group of env.deploy) {
    const images = (input.groupImages.get(group.name) ?? []).filter((name) => delivered.includes(name));
    const before = lastBeforeHook(group);
    drafts.push(...hookDrafts(group, base, [CLUSTER_STEP, ...group.after.map(doneOf)], deployStepId(group.name)));
    drafts.push({
      ...base,
      id: deployStepId(group.name),
      kind: "deploy",
      subject: group.name,
      deps: [CLUSTER_STEP, ...images.map(deliverStepId), ...group.after.map(doneOf), ...before ? [before] : []],
      claims: { engine: 0 },
      timeoutMs: t.deploy,
      retry: "infra-only"
    });
  }
  if (input.withTest && env.test) {
    drafts.push({
      ...base,
      id: TEST_STEP,
      kind: "test",
      subject: "suite",
      deps: [CLUSTER_STEP, ...env.deploy.map((g) => doneOf(g.name))],
      claims: { engine: 0 },
      timeoutMs: env.test.timeoutMs,
      retry: "never"
    });
  }
  return assemblePlan(drafts, input.durations);
}
export {
  CLUSTER_STEP,
  TEST_STEP,
  deliverStepId,
  deployStepId,
  planUp
};
//# sourceMappingURL=up-plan.js.map
