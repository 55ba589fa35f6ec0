import { computeImageTags } from "../cache/image-key.js";
import { registryMode, resolveImageSources } from "../registry/image-sources.js";
import { withRegistry } from "../registry/registry-executor.js";
import { createPuller } from "../registry/transfer.js";
import { assertPullable } from "../registry/pull-only.js";
import { buildImageExecutor } from "./executors/build-image.js";
async function resolveImages(env, engine, signal, options = {}) {
  const registry = registryMode(env, {
    push: Boolean(options.push),
    pull: Boolean(options.pull),
    ...options.processEnv ? { processEnv: options.processEnv } : {}
  });
  const tags = options.refs ? /* @__PURE__ */ new Map() : await computeImageTags(env.images, { signal });
  const { refs, presence, cached } = await resolveImageSources({
    tags,
    engine,
    signal,
    ...registry ? { registry } : {},
    ...options.refs ? { refs: options.refs } : {}
  });
  return {
    refs,
    presence,
    cached,
    ...registry ? { registry, puller: createPuller(engine, registry.insecure, registry.credentials) } : {}
  };
}
function asPullOnly(resolved, groups, refsFile) {
  const needed = [...new Set([...groups.values()].flatMap((g) => g.images))].filter((name) => resolved.refs.has(name)).sort();
  assertPullable({ needed, refs: resolved.refs, presence: resolved.presence, ...refsFile ? { refsFile } : {} });
  const cached = new Map(
    [...resolved.refs].map(([name, ref]) => [name, resolved.cached.get(name) ?? `pull-only: ${ref}`])
  );
  return { ...resolved, cached };
}
function withCachedDetails(plan, resolved) {
  return {
    ...plan,
    steps: plan.steps.map((s) => {
      const detail = s.kind === "build" ? resolved.cached.get(s.subject) : void 0;
      return detail === void 0 ? s : { ...s, cachedDetail: detail };
    })
  };
}
function imageBuildExecutor(env, engine, resolved, run) {
  const images = new Map(env.images.map((i) => [i.name, i]));
  const build = buildImageExecutor({
    engine,
    envName: env.name,
    runId: run.runId,
    version: run.version,
    images,
    refs: resolved.refs
  });
  if (!resolved.registry) return build;
  return withRegistry(build, {
    engine,
    registry: resolved.registry,
    images,
    refs: resolved.refs,
    presence: resolved.presence,
    ...resolved.puller ? { puller: resolved.puller } : {}
  });
}
function presentOnTarget(target, resolved) {
  if (!target.runsFromEngineStore) return /* @__PURE__ */ new Set();
  return new Set([...resolved.cached.keys()].filter((name) => resolved.presence.get(name)?.local === true));
}
export {
  asPullOnly,
  imageBuildExecutor,
  presentOnTarget,
  resolveImages,
  withCachedDetails
};
//# sourceMappingURL=resolve-images.js.map
