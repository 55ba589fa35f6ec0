// Labels on everything tarmac creates, so cleanup never touches what it did not create.

export const LABEL_MANAGED = 'io.tarmac.managed';
export const LABEL_ENV = 'io.tarmac.env';
export const LABEL_RUN = 'io.tarmac.run';
export const LABEL_IMAGE = 'io.tarmac.image';
export const LABEL_VERSION = 'io.tarmac.version';

/** The labels of one environment's resources. */
export function envLabels(env: string, runId?: string): Record<string, string> {
  const labels: Record<string, string> = { [LABEL_MANAGED]: 'true', [LABEL_ENV]: env };
  if (runId) labels[LABEL_RUN] = runId;
  return labels;
}

/** The entries of a map sorted by key, so argv built from it is stable. */
export function sorted(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `--filter label=k=v` for every label, sorted. */
export function labelFilters(labels: Record<string, string>): string[] {
  return sorted(labels).flatMap(([key, value]) => ['--filter', `label=${key}=${value}`]);
}
