// ConfigOutput (validated, defaults applied) -> Env: absolute paths, milliseconds, defaults
// that depend on other fields.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_KEEP_RUNS } from './disk-schema.js';
import type { ConfigOutput } from './schema.js';
import type { Env, ImageSpec } from './types.js';
import { normaliseGroup, normaliseSuites, normaliseTest } from './normalise-suites.js';

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
    deploy: config.deploy.map((group) => normaliseGroup(group, at)),
    ...(config.test !== undefined ? { test: normaliseTest(config.test, timeouts.test, at, dir) } : {}),
    ...(config.suites !== undefined ? { suites: normaliseSuites(config, at, dir) } : {}),
    capacity: config.build.capacity,
    ...(config.build.memory !== undefined ? { memoryBytes: config.build.memory } : {}),
    timeouts,
    ...(config.registry !== undefined ? { registry: config.registry } : {}),
    historyPath: at(config.history.path),
    disk: {
      minFreeBytes: config.disk.minFree,
      ...(config.disk.prune?.danglingOlderThan !== undefined
        ? { pruneDanglingOlderThanMs: config.disk.prune.danglingOlderThan }
        : {}),
      keepRuns: config.disk.prune?.keepRuns ?? DEFAULT_KEEP_RUNS,
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
