// Reading engine JSON without trusting its shape: every accessor tolerates missing or odd fields.
import { TarmacError } from '../errors/errors.js';
import type { CommandResult } from '../exec/types.js';

export type Json = Record<string, unknown>;

/** Parses a command's stdout as JSON, or throws ENGINE_OUTPUT_INVALID naming the command. */
export function parseJson(result: CommandResult, text = result.stdout): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TarmacError('ENGINE_OUTPUT_INVALID', `Could not read the JSON output of \`${result.command}\``, {
      cause: error,
      details: text.split('\n').slice(0, 5),
      hint: 'This engine version may print a format tarmac does not know; please report it with the output of `<engine> version`.',
    });
  }
}

/** The value as an object, or an empty one. */
export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a finite number (numeric strings too), or undefined. */
export function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A string-to-string map (labels), dropping non-string values. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(obj(value))) if (typeof v === 'string') out[key] = v;
  return out;
}

/** A list of strings, from an array or a comma-separated string (docker's ps format). */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return [];
}

/** Image and container ids without the `sha256:` prefix docker adds. */
export function bareId(id: string): string {
  return id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
}
