// Test helpers for plans: a minimal Env and step drafts. Used by tests only.
import type { Env, ImageSpec } from '../config/types.js';
import type { StepDraft } from './assemble.js';
import { DEFAULT_TIMEOUTS } from '../config/schema.js';

/** An Env with the given images and default timeouts; paths are fake (plans never touch them). */
export function makeEnv(images: { name: string; weight?: number; dependsOn?: string[] }[], capacity = 2): Env {
  const specs: ImageSpec[] = images.map((i) => ({
    name: i.name,
    contextDir: `/project/${i.name}`,
    containerfile: `/project/${i.name}/Containerfile`,
    args: {},
    weight: i.weight ?? 1,
    dependsOn: i.dependsOn ?? [],
  }));
  return {
    name: 'demo',
    file: '/project/tarmac.yaml',
    dir: '/project',
    stateDir: '/project/.tarmac',
    historyPath: '/project/.tarmac/history.db',
    engine: { type: 'auto' },
    images: specs,
    cluster: { target: 'auto', name: 'demo-e2e', reuse: 'healthy' },
    deploy: [],
    capacity,
    timeouts: { ...DEFAULT_TIMEOUTS },
  };
}

/** The seed's example: base <- datastorage (1), holmesgpt-api (2, the heavy one), aianalysis (1). */
export function exampleEnv(): Env {
  return makeEnv([
    { name: 'base' },
    { name: 'datastorage', dependsOn: ['base'] },
    { name: 'holmesgpt-api', weight: 2, dependsOn: ['base'] },
    { name: 'aianalysis', dependsOn: ['base'] },
  ]);
}

/** A build step draft with overridable fields. */
export function draft(id: string, deps: string[] = [], over: Partial<StepDraft> = {}): StepDraft {
  return {
    id,
    kind: 'build',
    subject: id.replace(/^build:/, ''),
    deps,
    claims: { engine: 1 },
    timeoutMs: 900_000,
    stallMs: 120_000,
    retry: 'infra-only',
    cached: false,
    ...over,
  };
}
