// Sizes in config: "2GiB", "500MiB", "1.5GB", "2g" or a plain number of bytes.
import { z } from 'zod';

// Binary units (KiB, and the docker-style single letters k/m/g/t) and decimal SI units (KB, MB...).
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
  tb: 1000 ** 4,
};

/** Parses a size string or number of bytes to bytes; undefined when malformed. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : undefined;
  const match = /^(-?\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : UNIT_BYTES[unit];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

/** Formats bytes for people in binary units: 512 B, 30.0 MiB, 2.0 GiB. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return i === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[i] ?? ''}`;
}

const SIZE_EXAMPLE = 'Expected a size such as "2GiB", "500MiB" or a number of bytes';

/** The largest size a config may set: 1 PiB (larger is a typo, and would lose precision). */
export const MAX_SIZE_BYTES = 1024 ** 5;

/** Zod type for a positive size of at most 1 PiB; output is bytes. */
export const sizeBytes = z
  .union([z.string(), z.number()], { error: SIZE_EXAMPLE })
  .transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === undefined) {
      ctx.addIssue({ code: 'custom', message: `${SIZE_EXAMPLE}, got \`${String(value)}\`` });
      return z.NEVER;
    }
    if (bytes <= 0) {
      ctx.addIssue({ code: 'custom', message: `Expected a positive size, got \`${String(value)}\`` });
      return z.NEVER;
    }
    if (bytes > MAX_SIZE_BYTES) {
      ctx.addIssue({ code: 'custom', message: `Expected a size of at most 1 PiB, got \`${String(value)}\`` });
      return z.NEVER;
    }
    return bytes;
  })
  .meta({ format: 'size' });
