// ConfigOutput (validated, defaults applied) -> Env: absolute paths, milliseconds, defaults
// that depend on other fields.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigOutput } from './schema.js';
import type { Env, ImageSpec } from './types.js';
import { normaliseHooks } from './normalise-hooks.js';

/** Builds the Env for a validated config read from the absolute path `file`. */
export function normaliseConfig(config: ConfigOutput, file: string): Env {
  const dir = path.dirname(file);
  const at = (p: string): string => path.resolve(dir, p);
  const { timeouts } = config;
  return {
    name: config.name,
    file,
    dir,
    stateDir: path.join(dir, '.tarmac'),
    engine: config.engine,
    images: config.images.map((image) => normaliseImage(image, at)),
    cluster: {
      target: config.cluster.target,
      name: config.cluster.name ?? `${config.name}-e2e`,
      ...(config.cluster.kindConfig !== undefined ? { kindConfig: at(config.cluster.kindConfig) } : {}),
      reuse: config.cluster.reuse,
    },
    deploy: config.deploy.map((group) => ({
      name: group.name,
      manifests: group.manifests.map(at),
      ...(group.kustomize !== undefined ? { kustomize: at(group.kustomize) } : {}),
      ...(group.wait !== undefined ? { wait: group.wait } : {}),
      after: group.after,
      ...(group.namespace !== undefined ? { namespace: group.namespace } : {}),
      ...(group.chart !== undefined
        ? {
            helm: {
              chart: at(group.chart),
              release: group.release ?? group.name,
              valuesFiles: group.valuesFiles.map(at),
              values: group.values,
              set: group.set,
            },
          }
        : {}),
      ...(group.hooks !== undefined ? { hooks: normaliseHooks(group.hooks, at) } : {}),
    })),
    ...(config.test !== undefined
      ? {
          test: {
            command: config.test.command,
            env: config.test.env,
            ...(config.test.junit !== undefined ? { junit: at(config.test.junit) } : {}),
            timeoutMs: config.test.timeout ?? timeouts.test,
            cwd: config.test.cwd !== undefined ? at(config.test.cwd) : dir,
            ...(config.test.list !== undefined ? { list: config.test.list } : {}),
          },
        }
      : {}),
    capacity: config.build.capacity,
    timeouts,
    ...(config.registry !== undefined ? { registry: config.registry } : {}),
    historyPath: at(config.history.path),
    disk: {
      minFreeBytes: config.disk.minFree,
      ...(config.disk.prune?.danglingOlderThan !== undefined
        ? { pruneDanglingOlderThanMs: config.disk.prune.danglingOlderThan }
        : {}),
    },
  };
}

function normaliseImage(image: ConfigOutput['images'][number], at: (p: string) => string): ImageSpec {
  const contextDir = at(image.context);
  const args = Object.fromEntries(Object.entries(image.args).map(([key, value]) => [key, String(value)]));
  return {
    name: image.name,
    contextDir,
    containerfile: image.containerfile !== undefined ? at(image.containerfile) : defaultContainerfile(contextDir),
    args,
    ...(image.target !== undefined ? { target: image.target } : {}),
    weight: image.weight,
    dependsOn: image.dependsOn,
  };
}

// Containerfile wins over Dockerfile when both exist, as with `podman build`.
function defaultContainerfile(contextDir: string): string {
  const containerfile = path.join(contextDir, 'Containerfile');
  const dockerfile = path.join(contextDir, 'Dockerfile');
  return !existsSync(containerfile) && existsSync(dockerfile) ? dockerfile : containerfile;
}
