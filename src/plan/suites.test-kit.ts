// Test helpers for multi-suite plans: an Env whose suites share images. Used by tests only.
import type { DeployGroupSpec, Env, SuiteSpec } from '../config/types.js';
import { makeEnv } from './plan.test-kit.js';

/** A suite as tests describe it: its images, clusters (name -> groups) and footprint. */
export interface SuiteSketch {
  name: string;
  images: string[];
  clusters?: Record<string, string[]>;
  memoryBytes?: number;
  testMs?: number;
}

const group = (name: string, after: string[] = []): DeployGroupSpec => ({ name, manifests: [], after });

/** An Env with the given images (weight 1) and suites; a suite without clusters gets `main` with one group `app`. */
export function suitesEnv(
  images: string[],
  sketches: SuiteSketch[],
  opts: { capacity?: number; memoryBytes?: number } = {},
): Env {
  const env = makeEnv(
    images.map((name) => ({ name })),
    opts.capacity ?? 2,
  );
  const suites: SuiteSpec[] = sketches.map((s) => {
    const clusters = s.clusters ?? { main: ['app'] };
    const groups = [...new Set(Object.values(clusters).flat())];
    return {
      name: s.name,
      images: s.images,
      deploy: groups.map((g) => group(g)),
      clusters: Object.entries(clusters).map(([name, gs]) => ({
        name,
        clusterName: `demo-${s.name}-${name}`,
        groups: gs,
      })),
      test: { command: ['true'], env: {}, timeoutMs: 60_000, cwd: '/project' },
      ...(s.memoryBytes !== undefined ? { memoryBytes: s.memoryBytes } : {}),
    };
  });
  return { ...env, suites, ...(opts.memoryBytes !== undefined ? { memoryBytes: opts.memoryBytes } : {}) };
}

export const GiB = 1024 ** 3;
