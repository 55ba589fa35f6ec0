// What `tarmac validate` sees in a deploy group before anything is created: every manifest problem (YAML that
// does not parse, an object without apiVersion/kind/metadata.name, the same object twice, a chart or
// kustomization that does not render), each located as file:line. What the chosen target refuses is checked on
// the rendered groups afterwards (targets/deploy-check.ts), as `up` checks it.
import path from 'node:path';
import type { DeployGroupSpec } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { CommandRunner } from '../exec/types.js';
import { renderHelmChart } from './helm.js';
import { parseHelmOutput } from './helm-output.js';
import { runKustomize } from './kustomize.js';
import { duplicates, manifestFiles, readText } from './load-manifests.js';
import { parseManifests, scanManifests } from './parse-manifests.js';
import type { SourcedObject } from './types.js';

export interface CheckOptions {
  runner: CommandRunner;
  signal?: AbortSignal;
}

/** What the group's manifests hold: its objects in file order, and one located line per problem. */
export interface GroupCheck {
  objects: SourcedObject[];
  problems: string[];
}

/** Every problem of the group's manifests; an unusable environment (no helm, no kubectl) still throws. */
export async function checkGroupManifests(
  group: DeployGroupSpec,
  configDir: string,
  options: CheckOptions,
): Promise<GroupCheck> {
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
  return { objects, problems: problems.map((p) => p.message) };
}
