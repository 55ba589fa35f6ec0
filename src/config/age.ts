// Ages in config, for retention policies: "7d", "36h", "90m" (a duration with days allowed).
import { z } from 'zod';
import { parseDuration } from './duration.js';

const DAY_MS = 86_400_000;

/** Parses "7d", "1d12h" or any duration parseDuration accepts to milliseconds; undefined when malformed. */
export function parseAge(value: string | number): number | undefined {
  if (typeof value === 'number') return parseDuration(value);
  const match = /^(\d+(?:\.\d+)?)d(.*)$/.exec(value.trim());
  if (!match?.[1]) return parseDuration(value);
  const rest = match[2] ?? '';
  const restMs = rest === '' ? 0 : parseDuration(rest);
  // "7d5" is not "7 days and 5 seconds": after days, only unit-suffixed parts.
  if (restMs === undefined || /^\d+(\.\d+)?$/.test(rest)) return undefined;
  return Math.round(Number(match[1]) * DAY_MS) + restMs;
}

const AGE_EXAMPLE = 'Expected an age such as "7d", "36h" or a number of seconds';

/** The longest age a config may set: 10 years (larger is a typo; Infinity would pass every comparison). */
export const MAX_AGE_MS = 3650 * DAY_MS;

/** Zod type for a positive age of at most 10 years; output is milliseconds. */
export const ageMs = z
  .union([z.string(), z.number()], { error: AGE_EXAMPLE })
  .transform((value, ctx) => {
    const ms = parseAge(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `${AGE_EXAMPLE}, got \`${String(value)}\`` });
      return z.NEVER;
    }
    if (ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `Expected a positive age, got \`${String(value)}\`` });
      return z.NEVER;
    }
    if (ms > MAX_AGE_MS) {
      ctx.addIssue({ code: 'custom', message: `Expected an age of at most 3650d, got \`${String(value)}\`` });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ format: 'age' });
