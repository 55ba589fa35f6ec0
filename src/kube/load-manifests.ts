// Reads a deploy group's manifests: files, directories (their *.yaml, *.yml and *.json, sorted by name,
// not recursing into subdirectories, like `kubectl apply -f DIR`), a kustomization and a Helm chart.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeployGroupSpec } from '../config/types.js';
import { ExitCode, InternalError, TarmacError } from '../errors/errors.js';
import type { CommandRunner } from '../exec/types.js';
import { renderHelmChart } from './helm.js';
import { parseHelmOutput } from './helm-output.js';
import { runKustomize } from './kustomize.js';
import { parseManifests } from './parse-manifests.js';
import type { SourcedObject } from './types.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface LoadOptions {
  /** Runs `kubectl kustomize` and `helm template`; needed only when the group has `kustomize` or `chart`. */
  runner?: CommandRunner;
  signal?: AbortSignal;
}

/** Every object of the group, in file order; throws MANIFEST_NOT_FOUND / MANIFEST_INVALID / KUSTOMIZE_* / HELM_*. */
export async function loadGroupManifests(
  group: DeployGroupSpec,
  configDir: string,
  options: LoadOptions = {},
): Promise<SourcedObject[]> {
  const shown = (abs: string): string => path.relative(configDir, abs) || '.';
  const objects: SourcedObject[] = [];
  for (const entry of group.manifests) {
    for (const file of await manifestFiles(entry, shown))
      objects.push(...parseManifests(await readText(file, shown), shown(file)));
  }
  if (group.kustomize !== undefined) {
    if (!options.runner) throw new InternalError('loadGroupManifests needs a runner for kustomize');
    const yaml = await runKustomize(options.runner, group.kustomize, shown(group.kustomize), options.signal);
    objects.push(...parseManifests(yaml, `kustomize ${shown(group.kustomize)}`));
  }
  if (group.helm !== undefined) {
    if (!options.runner) throw new InternalError('loadGroupManifests needs a runner for helm');
    const yaml = await renderHelmChart(options.runner, {
      group: group.name,
      chart: group.helm,
      shown: shown(group.helm.chart),
      ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    objects.push(...parseHelmOutput(yaml, shown(group.helm.chart)));
  }
  const duplicate = duplicates(group.name, objects)[0];
  if (duplicate) throw duplicate;
  return objects;
}

/** The files of one `manifests` entry: itself, or a directory's manifest files sorted by name. */
export async function manifestFiles(entry: string, shown: (abs: string) => string): Promise<string[]> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) throw notFound(`Manifest path ${shown(entry)} does not exist`);
  if (!info.isDirectory()) return [entry];
  const names = (await readdir(entry, { withFileTypes: true }))
    .filter((d) => d.isFile() && MANIFEST_FILE.test(d.name))
    .map((d) => d.name);
  if (names.length === 0)
    throw notFound(
      `Manifest directory ${shown(entry)} holds no *.yaml, *.yml or *.json files (subdirectories are not read)`,
    );
  return names.sort().map((name) => path.join(entry, name));
}

/** The text of a manifest file; MANIFEST_NOT_FOUND when it cannot be read. */
export async function readText(file: string, shown: (abs: string) => string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    // The config check saw it, but files can vanish or turn unreadable before deploy.
    throw notFound(
      `Cannot read manifest ${shown(file)}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
      cause,
    );
  }
}

/** One MANIFEST_INVALID per object defined twice: the later one would silently replace the first on apply. */
export function duplicates(group: string, objects: readonly SourcedObject[]): TarmacError[] {
  const seen = new Map<string, SourcedObject>();
  const found: TarmacError[] = [];
  for (const item of objects) {
    const { kind, metadata } = item.object;
    const key = `${kind}/${metadata.namespace ?? ''}/${metadata.name}`;
    const first = seen.get(key);
    if (first) {
      found.push(
        new TarmacError(
          'MANIFEST_INVALID',
          `deploy group ${group}: ${kind}/${metadata.name} is defined twice, at ${first.file}:${first.line} and ${item.file}:${item.line}`,
          {
            exitCode: ExitCode.usage,
            hint: 'Keep one definition; the later one would silently replace the earlier one.',
          },
        ),
      );
    } else seen.set(key, item);
  }
  return found;
}

function notFound(message: string, cause?: unknown): TarmacError {
  return new TarmacError('MANIFEST_NOT_FOUND', message, {
    exitCode: ExitCode.usage,
    hint: 'Fix the path under `deploy[].manifests` (relative to tarmac.yaml), or restore the file.',
    ...(cause === undefined ? {} : { cause }),
  });
}
