// Reading loosely typed JSON (Kubernetes objects, podman's inspect output) without `any`.

export type Json = Record<string, unknown>;

/** The value as an object, or undefined when it is not a plain object. */
export function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The value as an array of objects (non-objects dropped); [] when it is not an array. */
export function asRecords(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asRecord).filter((v): v is Json => v !== undefined) : [];
}

/** The value as a string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number (numeric strings included), or undefined. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The value as a map of strings (non-string values dropped). */
export function asStringMap(value: unknown): Record<string, string> {
  const record = asRecord(value) ?? {};
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A deep copy of JSON-compatible data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
