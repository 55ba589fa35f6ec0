import { statSync } from "node:fs";
import path from "node:path";
import { entries, isRawMap, text, texts } from "./raw.js";
const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
function kindOf(abs) {
  const stat = statSync(abs, { throwIfNoEntry: false });
  return stat === void 0 ? "missing" : stat.isDirectory() ? "dir" : "file";
}
function checkPaths(ctx) {
  const errors = [];
  const check = (where, written, what, want) => {
    const kind = kindOf(path.resolve(ctx.dir, written));
    const problem = kind === "missing" ? "does not exist" : want !== "any" && kind !== want ? `is a ${kind === "dir" ? "directory" : "file"}, not a ${want === "dir" ? "directory" : "file"}` : void 0;
    if (problem)
      errors.push({
        path: where,
        message: `${what} ${shown(ctx, written)} ${problem}`,
        hint: fixHint(ctx, kind, want)
      });
    return kind;
  };
  for (const { index, item } of entries(ctx.data, "images")) {
    const context = item.context === void 0 ? "." : text(item, "context");
    if (context === void 0) continue;
    const contextKind = check(["images", index, "context"], context, "Build context directory", "dir");
    const containerfile = text(item, "containerfile");
    if (containerfile !== void 0) check(["images", index, "containerfile"], containerfile, "Containerfile", "file");
    else if (contextKind === "dir" && !["Containerfile", "Dockerfile"].some((f) => kindOf(path.resolve(ctx.dir, context, f)) === "file")) {
      errors.push({
        path: item.context === void 0 ? ["images", index] : ["images", index, "context"],
        message: `No Containerfile or Dockerfile in build context ${shown(ctx, context)}`,
        hint: `Add ${path.join(context, "Containerfile")}, or set \`containerfile\` to its path (relative to ${ctx.fileName}).`
      });
    }
  }
  const cluster = isRawMap(ctx.data) ? ctx.data.cluster : void 0;
  const kindConfig = text(cluster, "kindConfig");
  if (kindConfig !== void 0) check(["cluster", "kindConfig"], kindConfig, "kind config file", "file");
  for (const { index, item } of entries(ctx.data, "deploy")) {
    for (const m of texts(item, "manifests"))
      check(["deploy", index, "manifests", m.index], m.value, "Manifest path", "any");
    const kustomize = text(item, "kustomize");
    if (kustomize === void 0 || check(["deploy", index, "kustomize"], kustomize, "Kustomize directory", "dir") !== "dir")
      continue;
    if (!KUSTOMIZATION_FILES.some((f) => kindOf(path.resolve(ctx.dir, kustomize, f)) === "file")) {
      errors.push({
        path: ["deploy", index, "kustomize"],
        message: `No kustomization.yaml in ${shown(ctx, kustomize)}`,
        hint: "Point `kustomize` at the directory that holds kustomization.yaml, or use `manifests` instead."
      });
    }
  }
  const testCwd = text(isRawMap(ctx.data) ? ctx.data.test : void 0, "cwd");
  if (testCwd !== void 0) check(["test", "cwd"], testCwd, "Test working directory", "dir");
  return { errors, warnings: [] };
}
function shown(ctx, written) {
  const relative = path.relative(ctx.cwd, path.resolve(ctx.dir, written)) || ".";
  const asWritten = path.normalize(written).replace(/(.)[/\\]$/, "$1");
  return asWritten === relative ? `\`${written}\`` : `\`${written}\` (resolved to \`${relative}\`)`;
}
function fixHint(ctx, kind, want) {
  const against = `relative paths are resolved against the directory of ${ctx.fileName}`;
  if (kind !== "missing") return `Point it at a ${want === "dir" ? "directory" : "file"}; ${against}.`;
  return `Create ${want === "dir" ? "the directory" : want === "file" ? "the file" : "it"} or fix the path; ${against}.`;
}
export {
  checkPaths
};
//# sourceMappingURL=paths.js.map
