// Labels on everything tarmac creates, so cleanup never touches what it did not create.
import type { EnvIdentity } from '../config/project-identity.js';

export const LABEL_MANAGED = 'io.tarmac.managed';
export const LABEL_ENV = 'io.tarmac.env';
export const LABEL_RUN = 'io.tarmac.run';
export const LABEL_IMAGE = 'io.tarmac.image';
export const LABEL_VERSION = 'io.tarmac.version';
/** The project (checkout) an env's resource belongs to: two checkouts may share an env name. */
export const LABEL_PROJECT = 'io.tarmac.project';
/** The real path of that project's config file, so a message can name the other checkout. */
export const LABEL_PROJECT_PATH = 'io.tarmac.project-path';

/** The labels of one environment's resources. */
export function envLabels(env: string, runId?: string): Record<string, string> {
  const labels: Record<string, string> = { [LABEL_MANAGED]: 'true', [LABEL_ENV]: env };
  if (runId) labels[LABEL_RUN] = runId;
  return labels;
}

/**
 * Whose resource the labels describe, seen from env `id`: `ours` (this env of this project), `legacy` (this env,
 * made before resources carried a project: treated as ours, nothing can tell the checkouts apart), `other-checkout`
 * (this env name, another project) or `foreign` (not this env's, or not tarmac's).
 */
export type Ownership = 'ours' | 'legacy' | 'other-checkout' | 'foreign';

/** The ownership of a resource with `labels`, for env `id`. */
export function ownership(labels: Record<string, string> | undefined, id: EnvIdentity): Ownership {
  if (labels?.[LABEL_MANAGED] !== 'true' || labels[LABEL_ENV] !== id.env) return 'foreign';
  const project = labels[LABEL_PROJECT];
  if (project === undefined) return 'legacy';
  return project === id.project ? 'ours' : 'other-checkout';
}

/** Whether `down` and `up` may treat the resource as this env's own (ours or legacy). */
export function owned(kind: Ownership): boolean {
  return kind === 'ours' || kind === 'legacy';
}

/** The entries of a map sorted by key, so argv built from it is stable. */
export function sorted(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `--filter label=k=v` for every label, sorted. */
export function labelFilters(labels: Record<string, string>): string[] {
  return sorted(labels).flatMap(([key, value]) => ['--filter', `label=${key}=${value}`]);
}
