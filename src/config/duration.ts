// Durations in config: "90s", "15m", "1h30m", "500ms" or a plain number of seconds.
import { z } from 'zod';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/** Parses a duration string or number of seconds to milliseconds; undefined when malformed. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // A leading minus is parsed (not rejected as malformed) so `-5s` gets the clearer "positive" message.
  if (!/^-?((\d+(\.\d+)?)(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0);
  return Math.round(text.startsWith('-') ? -total : total);
}

/** Formats milliseconds for people: 850ms, 12.3s, 4m05s, 1h02m. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalSec = Math.round(ms / 1000);
  if (totalSec < 3600) return `${Math.floor(totalSec / 60)}m${String(totalSec % 60).padStart(2, '0')}s`;
  return `${Math.floor(totalSec / 3600)}h${String(Math.floor((totalSec % 3600) / 60)).padStart(2, '0')}m`;
}

/** The longest duration a config may set: 7 days, far below setTimeout's limit of 2^31-1 ms (about 24.8 days). */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/** Zod type for a positive duration of at most 7 days; output is milliseconds. */
export const durationMs = z
  .union([z.string(), z.number()], { error: 'Expected a duration such as "90s", "15m" or a number of seconds' })
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `Expected a duration such as "90s", "15m" or a number of seconds, got \`${String(value)}\``,
      });
      return z.NEVER;
    }
    if (ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `Expected a positive duration, got \`${String(value)}\`` });
      return z.NEVER;
    }
    if (ms > MAX_DURATION_MS) {
      ctx.addIssue({
        code: 'custom',
        message: `Expected a duration of at most 7 days (168h), got \`${String(value)}\``,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ format: 'duration' });
