import path from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { renderHelmChart } from "./helm.js";
import { parseHelmOutput } from "./helm-output.js";
import { runKustomize } from "./kustomize.js";
import { duplicates, manifestFiles, readText } from "./load-manifests.js";
import { parseManifests, scanManifests } from "./parse-manifests.js";
async function checkGroupManifests(group, configDir, options) {
  const shown = (abs) => path.relative(configDir, abs) || ".";
  const objects = [];
  const problems = [];
  const collect = async (read) => {
    try {
      objects.push(...await read());
    } catch (error) {
      if (!(error instanceof TarmacError) || error.exitCode !== ExitCode.usage) throw error;
      problems.push(error);
    }
  };
  for (const entry of group.manifests)
    await collect(async () => {
      for (const file of await manifestFiles(entry, shown))
        await collect(async () => {
          const scanned = scanManifests(await readText(file, shown), shown(file));
          problems.push(...scanned.problems);
          return scanned.objects;
        });
      return [];
    });
  const { kustomize, helm } = group;
  if (kustomize !== void 0)
    await collect(
      async () => parseManifests(
        await runKustomize(options.runner, kustomize, shown(kustomize), options.signal),
        `kustomize ${shown(kustomize)}`
      )
    );
  if (helm !== void 0)
    await collect(
      async () => parseHelmOutput(
        await renderHelmChart(options.runner, {
          group: group.name,
          chart: helm,
          shown: shown(helm.chart),
          ...group.namespace !== void 0 ? { namespace: group.namespace } : {},
          ...options.signal ? { signal: options.signal } : {}
        }),
        shown(helm.chart)
      )
    );
  problems.push(...duplicates(group.name, objects));
  const refused = objects.flatMap((item) => {
    const why = options.refusal(item.object);
    return why === void 0 ? [] : [`${item.file}:${item.line}: ${item.object.kind}/${item.object.metadata.name}: ${why}`];
  });
  return [...problems.map((p) => p.message), ...refused];
}
export {
  checkGroupManifests
};
//# sourceMappingURL=check-manifests.js.map
