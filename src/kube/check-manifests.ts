// What `tarmac validate` sees in a deploy group before anything is created: every manifest problem (YAML that
// does not parse, an object without apiVersion/kind/metadata.name, the same object twice, a chart or
// kustomization that does not render) and every object the chosen target refuses, each located as file:line.
import path from 'node:path';
import type { DeployGroupSpec } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { CommandRunner } from '../exec/types.js';
import { renderHelmChart } from './helm.js';
import { parseHelmOutput } from './helm-output.js';
import { runKustomize } from './kustomize.js';
import { duplicates, manifestFiles, readText } from './load-manifests.js';
import { parseManifests, scanManifests } from './parse-manifests.js';
import type { KubeObject, SourcedObject } from './types.js';

export interface CheckOptions {
  runner: CommandRunner;
  /** Why the target refuses the object, or undefined (targets/refused-kinds.ts). */
  refusal: (object: KubeObject) => string | undefined;
  signal?: AbortSignal;
}

/** One located line per problem of the group; an unusable environment (no helm, no kubectl) still throws. */
export async function checkGroupManifests(
  group: DeployGroupSpec,
  configDir: string,
  options: CheckOptions,
): Promise<string[]> {
  const shown = (abs: string): string => path.relative(configDir, abs) || '.';
  const objects: SourcedObject[] = [];
  const problems: TarmacError[] = [];
  // A usage error (exit 2) is a problem of the manifests: note it and look further.
  const collect = async (read: () => Promise<SourcedObject[]>): Promise<void> => {
    try {
      objects.push(...(await read()));
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
  if (kustomize !== undefined)
    await collect(async () =>
      parseManifests(
        await runKustomize(options.runner, kustomize, shown(kustomize), options.signal),
        `kustomize ${shown(kustomize)}`,
      ),
    );
  if (helm !== undefined)
    await collect(async () =>
      parseHelmOutput(
        await renderHelmChart(options.runner, {
          group: group.name,
          chart: helm,
          shown: shown(helm.chart),
          ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
        shown(helm.chart),
      ),
    );
  problems.push(...duplicates(group.name, objects));
  const refused = objects.flatMap((item) => {
    const why = options.refusal(item.object);
    return why === undefined
      ? []
      : [`${item.file}:${item.line}: ${item.object.kind}/${item.object.metadata.name}: ${why}`];
  });
  return [...problems.map((p) => p.message), ...refused];
}
