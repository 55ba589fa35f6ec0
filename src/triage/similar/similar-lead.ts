// When no rule fits a failure: a lead from the most similar public report of a known cause (known-index.ts),
// attached to "unclassified". It names the report, how alike the two outputs are and the report's established
// cause. It is not a verdict: resemblance is where to read next, never a diagnosis (src/triage/README.md). Pure.
import type { Resemblance, TriageInput } from '../types.js';
import { failureText } from './failure-text.js';
import type { KnownIndex } from './known-index.js';

/**
 * How alike two outputs must be before a report is offered. Chosen on the corpus's dev half alone, each case against
 * an index of the others: the nearest report had the case's category in 44 of 55 cases at 0.4 or more (80%), 25 of
 * 31 at 0.5 (81%), 65 of 86 at 0.3 (76%): 0.4 offers twice the leads of 0.5 at the same precision.
 */
export const SIMILARITY_FLOOR = 0.4;

/** How many words and word pairs the two must share: a phrase of two rare words alone is not a resemblance. */
export const MIN_SHARED = 4;

/** The most similar known report, when one is alike enough to read. */
export function resemblance(input: TriageInput, index: KnownIndex): Resemblance | undefined {
  const near = index.nearest(failureText(input));
  if (!near || near.similarity < SIMILARITY_FLOOR || near.shared < MIN_SHARED) return undefined;
  const { report } = near;
  return {
    url: report.url,
    category: report.category,
    cause: report.cause,
    similarity: Math.round(near.similarity * 100) / 100,
  };
}
