// Memory evidence: total and available memory of this host (/proc/meminfo, else what Node reports).
import { readFile } from 'node:fs/promises';
import { freemem, totalmem } from 'node:os';
import type { MemoryFacts } from '../types.js';
import type { Collector } from './context.js';

/** /proc/meminfo MemTotal and MemAvailable. */
export const memoryCollector: Collector<MemoryFacts> = {
  name: 'memory',
  applies: () => true,
  async collect() {
    const text = await readFile('/proc/meminfo', 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : parseMeminfo(text);
    const data = parsed ?? { totalBytes: totalmem(), availableBytes: freemem() };
    const raw =
      text === undefined
        ? `os.totalmem() ${data.totalBytes}, os.freemem() ${data.availableBytes}\n`
        : `${text.split('\n').slice(0, 5).join('\n')}\n`;
    return { data, raw };
  },
};

/** MemoryFacts from /proc/meminfo text; undefined when MemTotal is missing. */
export function parseMeminfo(text: string): MemoryFacts | undefined {
  const kib = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
    return m?.[1] === undefined ? undefined : Number(m[1]) * 1024;
  };
  const total = kib('MemTotal');
  if (total === undefined) return undefined;
  // Kernels before 3.14 have no MemAvailable: free + cache is the usual estimate.
  const available = kib('MemAvailable') ?? (kib('MemFree') ?? 0) + (kib('Cached') ?? 0);
  return { totalBytes: total, availableBytes: available };
}
