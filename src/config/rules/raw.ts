// Lenient readers over the raw YAML data, so cross-field rules can run even when the schema
// found problems elsewhere (every problem is reported at once). Wrong shapes are skipped:
// the schema reports those.
import type { Finding } from '../finding.js';

/** A mapping from the raw document. */
export type RawMap = Record<string, unknown>;

/** True for a YAML mapping (not a list, not null). */
export function isRawMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mappings in the list at `map[key]`, each with its index. */
export function entries(map: unknown, key: string): { index: number; item: RawMap }[] {
  const list = isRawMap(map) ? map[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => (isRawMap(item) ? [{ index, item }] : []));
}

/** `map[key]` when it is a string. */
export function text(map: unknown, key: string): string | undefined {
  const value = isRawMap(map) ? map[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The strings in the list at `map[key]`, each with its index. */
export function texts(map: unknown, key: string): { index: number; value: string }[] {
  const list = isRawMap(map) ? map[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) => (typeof value === 'string' ? [{ index, value }] : []));
}

/** Inputs every rule receives. */
export interface RuleContext {
  /** The parsed YAML, not yet validated. */
  data: unknown;
  /** Absolute directory of the config file. */
  dir: string;
  /** Base name of the config file, for messages (`tarmac.yaml`). */
  fileName: string;
  /** Directory paths in messages are shown relative to. */
  cwd: string;
}

/** A rule's output: errors fail the load, warnings are returned beside the Env. */
export interface RuleOutput {
  errors: Finding[];
  warnings: Finding[];
}
