// The seed's AIAnalysis setup as a simulation instance (issue 6, item 5a), with tarmac's step ids.
import type { CrashSimOptions as SimOptions, CrashSimStep as SimStep } from '../../src/plan/simulate-crash.js';

export const MIN = 60_000;

/** Builds and their loads: name, build minutes, build weight, load minutes. */
export const IMAGES = [
  { name: 'datastorage', buildMin: 2, weight: 1, loadMin: 0.5 },
  { name: 'holmesgpt-api', buildMin: 6, weight: 2, loadMin: 1 },
  { name: 'aianalysis', buildMin: 2, weight: 1, loadMin: 0.5 },
] as const;

export const CLUSTER = 'cluster';
export const DEPLOY = 'deploy:services';
export const build = (name: string): string => `build:${name}`;
export const load = (name: string): string => `deliver:${name}`;

/** Cluster 5 min (weight 1), builds, loads after the cluster and their image (weight 1), deploy 2 min after all loads (weight 0). */
export function seedWorkload(): SimStep[] {
  return [
    { id: CLUSTER, deps: [], weight: 1, durationMs: 5 * MIN },
    ...IMAGES.map((i) => ({ id: build(i.name), deps: [], weight: i.weight, durationMs: i.buildMin * MIN })),
    ...IMAGES.map((i) => ({
      id: load(i.name),
      deps: [CLUSTER, build(i.name)],
      weight: 1,
      durationMs: i.loadMin * MIN,
    })),
    // The cluster is implied through the loads; listed because tarmac's plan lists it too.
    { id: DEPLOY, deps: [CLUSTER, ...IMAGES.map((i) => load(i.name))], weight: 0, durationMs: 2 * MIN },
  ];
}

/** The engine crashes when the running weight exceeds 2; every running engine step fails; a restart costs 1 min. */
export const SEED_ENGINE: Required<SimOptions> = { crashAbove: 2, restartMs: 1 * MIN, maxCrashes: 3 };
