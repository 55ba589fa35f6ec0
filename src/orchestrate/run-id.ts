// Run ids: sortable by time, unique enough for one host: 20261128-174501-3f9a.
import { randomBytes } from 'node:crypto';

/** A new run id from the given time. */
export function newRunId(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${day}-${time}-${randomBytes(2).toString('hex')}`;
}
