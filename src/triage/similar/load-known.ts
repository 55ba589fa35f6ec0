// Reads the known reports shipped with tarmac: dist/known-reports.json, written by `npm run build` from the triage
// corpus (test/corpus/cases). Read only when no rule fits a failure; an install without the file (or with one that
// does not parse) has no similar-report theories, and triage says "unclassified" as before.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnownIndex, type KnownIndex } from './known-index.js';
import { toKnownReport, type ReportSource } from './report-text.js';

/** The shipped known reports as an index, or undefined when tarmac has none. */
export function loadKnownReports(file = shippedFile()): KnownIndex | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    const sources = JSON.parse(readFileSync(file, 'utf8')) as ReportSource[];
    return Array.isArray(sources) && sources.length > 0 ? buildKnownIndex(sources.map(toKnownReport)) : undefined;
  } catch {
    return undefined;
  }
}

// The package root is the nearest directory up from this module (src/triage/similar/ or, bundled, dist/) with a
// package.json.
function shippedFile(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'known-reports.json');
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
