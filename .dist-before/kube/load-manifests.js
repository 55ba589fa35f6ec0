import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ExitCode, InternalError, TarmacError } from "../errors/errors.js";
import { renderHelmChart } from "./helm.js";
import { parseHelmOutput } from "./helm-output.js";
import { runKustomize } from "./kustomize.js";
import { parseManifests } from "./parse-manifests.js";
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
async function loadGroupManifests(group, configDir, options = {}) {
  const shown = (abs) => path.relative(configDir, abs) || ".";
  const objects = [];
  for (const entry of group.manifests) {
    for (const file of await manifestFiles(entry, shown))
      objects.push(...parseManifests(await readText(file, shown), shown(file)));
  }
  if (group.kustomize !== void 0) {
    if (!options.runner) throw new InternalError("loadGroupManifests needs a runner for kustomize");
    const yaml = await runKustomize(options.runner, group.kustomize, shown(group.kustomize), options.signal);
    objects.push(...parseManifests(yaml, `kustomize ${shown(group.kustomize)}`));
  }
  if (group.helm !== void 0) {
    if (!options.runner) throw new InternalError("loadGroupManifests needs a runner for helm");
    const yaml = await renderHelmChart(options.runner, {
      group: group.name,
      chart: group.helm,
      shown: shown(group.helm.chart),
      ...group.namespace !== void 0 ? { namespace: group.namespace } : {},
      ...options.signal ? { signal: options.signal } : {}
    });
    objects.push(...parseHelmOutput(yaml, shown(group.helm.chart)));
  }
  const duplicate = duplicates(group.name, objects)[0];
  if (duplicate) throw duplicate;
  return objects;
}
async function manifestFiles(entry, shown) {
  const info = await stat(entry).catch(() => void 0);
  if (!info) throw notFound(`Manifest path ${shown(entry)} does not exist`);
  if (!info.isDirectory()) return [entry];
  const names = (await readdir(entry, { withFileTypes: true })).filter((d) => d.isFile() && MANIFEST_FILE.test(d.name)).map((d) => d.name);
  if (names.length === 0)
    throw notFound(
      `Manifest directory ${shown(entry)} holds no *.yaml, *.yml or *.json files (subdirectories are not read)`
    );
  return names.sort().map((name) => path.join(entry, name));
}
async function readText(file, shown) {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    throw notFound(
      `Cannot read manifest ${shown(file)}: ${cause.code ?? String(cause)}`,
      cause
    );
  }
}
function duplicates(group, objects) {
  const seen = /* @__PURE__ */ new Map();
  const found = [];
  for (const item of objects) {
    const { kind, metadata } = item.object;
    const key = `${kind}/${metadata.namespace ?? ""}/${metadata.name}`;
    const first = seen.get(key);
    if (first) {
      found.push(
        new TarmacError(
          "MANIFEST_INVALID",
          `deploy group ${group}: ${kind}/${metadata.name} is defined twice, at ${first.file}:${first.line} and ${item.file}:${item.line}`,
          {
            exitCode: ExitCode.usage,
            hint: "Keep one definition; the later one would silently replace the earlier one."
          }
        )
      );
    } else seen.set(key, item);
  }
  return found;
}
function notFound(message, cause) {
  return new TarmacError("MANIFEST_NOT_FOUND", message, {
    exitCode: ExitCode.usage,
    hint: "Fix the path under `deploy[].manifests` (relative to tarmac.yaml), or restore the file.",
    ...cause === void 0 ? {} : { cause }
  });
}
export {
  duplicates,
  loadGroupManifests,
  manifestFiles,
  readText
};
//# sourceMappingURL=load-manifests.js.map
