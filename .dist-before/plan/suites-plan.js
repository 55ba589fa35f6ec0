import { TarmacError, ExitCode } from "../errors/errors.js";
import { assemblePlan } from "./assemble.js";
import { buildStepId, selectImages } from "./build-plan.js";
import { didYouMean } from "./did-you-mean.js";
import { gateByMemory } from "./suites-memory.js";
const DEFAULT_CLUSTER_MEMORY_BYTES = 1024 ** 3;
const suiteClusterStepId = (suite, cluster) => `cluster:${suite}/${cluster}`;
const suiteDeliverStepId = (suite, cluster, image) => `deliver:${suite}/${cluster}/${image}`;
const suiteDeployStepId = (suite, cluster, group) => `deploy:${suite}/${cluster}/${group}`;
const suiteTestStepId = (suite) => `test:${suite}`;
function planSuites(env, input) {
  const suites = chooseSuites(env, input.suites);
  const t = env.timeouts;
  const base = { stallMs: t.stall, cached: false, retry: "infra-only" };
  const images = selectImages(env.images, [...new Set(suites.flatMap((s) => s.images))]);
  const drafts = images.map((image) => ({
    ...base,
    id: buildStepId(image.name),
    kind: "build",
    subject: image.name,
    deps: image.dependsOn.map(buildStepId),
    claims: { engine: image.weight },
    timeoutMs: t.build,
    cached: input.cachedImages.has(image.name)
  }));
  const built = new Set(images.map((i) => i.name));
  for (const suite of suites) drafts.push(...suiteDrafts(suite, input, built, env));
  const footprints = new Map(suites.map((s) => [s.name, footprintOf(s, input.footprints)]));
  const gated = gateByMemory(drafts, {
    footprints,
    budgetBytes: env.memoryBytes,
    capacity: env.capacity,
    ...input.durations ? { durations: input.durations } : {}
  });
  return { plan: assemblePlan(gated.drafts, input.durations), suites, footprints, waits: gated.waits };
}
function suiteDrafts(suite, input, built, env) {
  const t = env.timeouts;
  const common = { stallMs: t.stall, cached: false, retry: "infra-only", suite: suite.name };
  const drafts = [];
  const deploys = [];
  for (const cluster of suite.clusters) {
    const clusterId = suiteClusterStepId(suite.name, cluster.name);
    drafts.push({
      ...common,
      id: clusterId,
      kind: "cluster",
      subject: cluster.clusterName,
      deps: [],
      // As in `up`: kind nodes run on the engine; a podman network does not.
      claims: { engine: input.target === "kind" ? 1 : 0 },
      timeoutMs: t.cluster
    });
    const groups = suite.deploy.filter((g) => cluster.groups.includes(g.name));
    const imagesOf = (group) => [...input.groupImages?.get(`${suite.name}/${group}`) ?? suite.images].filter((i) => built.has(i));
    const delivered = [...new Set(groups.flatMap((g) => imagesOf(g.name)))];
    for (const image of delivered)
      drafts.push({
        ...common,
        id: suiteDeliverStepId(suite.name, cluster.name, image),
        kind: "deliver",
        subject: image,
        deps: [buildStepId(image), clusterId],
        claims: { engine: 1 },
        timeoutMs: t.deliver
      });
    for (const group of groups) {
      const id = suiteDeployStepId(suite.name, cluster.name, group.name);
      deploys.push(id);
      drafts.push({
        ...common,
        id,
        kind: "deploy",
        subject: group.name,
        deps: [
          clusterId,
          ...imagesOf(group.name).map((i) => suiteDeliverStepId(suite.name, cluster.name, i)),
          // `after` names groups of the same cluster; one on another cluster of the suite is waited for there.
          ...group.after.flatMap((a) => {
            const home = suite.clusters.find((c) => c.groups.includes(a));
            return home ? [suiteDeployStepId(suite.name, home.name, a)] : [];
          })
        ],
        claims: { engine: 0 },
        timeoutMs: t.deploy
      });
    }
  }
  if (input.withTest && suite.test)
    drafts.push({
      ...common,
      id: suiteTestStepId(suite.name),
      kind: "test",
      subject: suite.name,
      deps: [...suite.clusters.map((c) => suiteClusterStepId(suite.name, c.name)), ...deploys],
      claims: { engine: 0 },
      timeoutMs: suite.test.timeoutMs,
      retry: "never"
    });
  return drafts;
}
function footprintOf(suite, learned) {
  return suite.memoryBytes ?? learned?.get(suite.name) ?? DEFAULT_CLUSTER_MEMORY_BYTES * suite.clusters.length;
}
function chooseSuites(env, names) {
  const all = env.suites ?? [];
  const known = all.map((s) => s.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    const close = didYouMean(unknown[0], known);
    const hint = [
      close ? `Did you mean \`${close}\`?` : "",
      known.length > 0 ? `Suites in this file: ${known.join(", ")}.` : "This file declares no `suites`."
    ].filter(Boolean).join(" ");
    throw new TarmacError("UNKNOWN_SUITE", `unknown suite ${unknown.map((n) => `"${n}"`).join(", ")}`, {
      exitCode: ExitCode.usage,
      hint
    });
  }
  return all.filter((s) => names.includes(s.name));
}
export {
  DEFAULT_CLUSTER_MEMORY_BYTES,
  chooseSuites,
  planSuites,
  suiteClusterStepId,
  suiteDeliverStepId,
  suiteDeployStepId,
  suiteTestStepId
};
//# sourceMappingURL=suites-plan.js.map
