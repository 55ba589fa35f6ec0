import { TarmacError, ExitCode } from "../errors/errors.js";
import { assemblePlan } from "./assemble.js";
import { didYouMean } from "./did-you-mean.js";
function buildStepId(image) {
  return `build:${image}`;
}
function planBuild(env, input) {
  const images = input.only ? selectImages(env.images, input.only) : env.images;
  const drafts = images.map((image) => ({
    id: buildStepId(image.name),
    kind: "build",
    subject: image.name,
    deps: image.dependsOn.map(buildStepId),
    claims: { engine: image.weight },
    timeoutMs: env.timeouts.build,
    stallMs: env.timeouts.stall,
    retry: "infra-only",
    cached: input.cachedImages.has(image.name)
  }));
  return assemblePlan(drafts, input.durations);
}
function selectImages(images, only) {
  const byName = new Map(images.map((i) => [i.name, i]));
  const unknown = only.filter((name) => !byName.has(name));
  if (unknown.length > 0) throw unknownImageError(unknown, [...byName.keys()]);
  const wanted = /* @__PURE__ */ new Set();
  const visit = (name) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) visit(dep);
  };
  only.forEach(visit);
  return images.filter((i) => wanted.has(i.name));
}
function unknownImageError(unknown, known) {
  const suggestions = unknown.map((name) => [name, didYouMean(name, known)]).filter((pair) => pair[1] !== void 0).map(([name, match]) => `Did you mean \`${match}\` instead of \`${name}\`?`);
  const list = known.length > 0 ? `Images in this file: ${known.map((n) => `\`${n}\``).join(", ")}.` : "This file defines no images.";
  const what = unknown.length === 1 ? `unknown image "${unknown[0]}"` : `unknown images ${unknown.map((n) => `"${n}"`).join(", ")}`;
  return new TarmacError("UNKNOWN_IMAGE", what, { exitCode: ExitCode.usage, hint: [...suggestions, list].join(" ") });
}
export {
  buildStepId,
  planBuild,
  selectImages
};
//# sourceMappingURL=build-plan.js.map
