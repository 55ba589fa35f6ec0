// How every renderer (terminal, triage.md, reports, CI) shows a similar-report lead of "unclassified": one line. Pure.
import type { Resemblance } from '../types.js';

/** The lead as one line: the report, its category, how alike, its established cause. */
export function resemblanceLine(r: Resemblance): string {
  return `resembles ${r.url} (a known ${r.category} failure, similarity ${r.similarity.toFixed(2)}); its established cause: ${r.cause}`;
}
