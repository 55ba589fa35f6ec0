// Reads the known reports shipped with tarmac: dist/known-reports.json, written by `npm run build` from the triage
// corpus (test/corpus/cases). Read only when no rule fits a failure, and once per process. An entry that does not
// have the fields of a report is skipped; an install without the file (or with one that does not parse) has no
// similar reports, and triage says "unclassified" as before.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnownIndex, type KnownIndex } from './known-index.js';
import { reportSourceSchema, toKnownReport } from './report-text.js';

const loaded = new Map<string, KnownIndex | undefined>();

/** The known reports of `file` (default: the shipped ones) as an index, or undefined when there are none. */
export function loadKnownReports(file = shippedKnownReportsFile()): KnownIndex | undefined {
  if (!file) return undefined;
  if (!loaded.has(file)) loaded.set(file, read(file));
  return loaded.get(file);
}

function read(file: string): KnownIndex | undefined {
  if (!existsSync(file)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  const reports = entries.flatMap((entry) => {
    const parsed = reportSourceSchema.safeParse(entry);
    return parsed.success ? [toKnownReport(parsed.data)] : [];
  });
  return reports.length > 0 ? buildKnownIndex(reports) : undefined;
}

/**
 * Where the build puts the known reports: dist/ of the package root, the nearest directory up from this module
 * (src/triage/similar/ or, bundled, dist/) with a package.json.
 */
export function shippedKnownReportsFile(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'known-reports.json');
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
