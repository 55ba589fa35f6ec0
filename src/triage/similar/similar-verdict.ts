// When no rule fits: a weak theory from the most similar public report of a known cause (known-index.ts). It names
// the report, how alike the two outputs are and the report's established cause, and stays below 50%: resemblance is
// a lead to read, never a diagnosis (src/triage/README.md, "Similar known reports"). Pure.
import type { TriageInput, Verdict } from '../types.js';
import { failureText } from './failure-text.js';
import type { KnownIndex } from './known-index.js';

export const SIMILAR_RULE_ID = 'similar-report';

/**
 * How alike two outputs must be before a report is offered. Chosen on the corpus's dev half alone (leave one out):
 * at 0.5 or more the nearest other report had the case's category in 36 of 46 cases (78%), below it in 93 of 169 (55%).
 */
export const SIMILARITY_FLOOR = 0.5;

/** The confidence of a theory by resemblance: above the floor of what is shown, below a confident verdict. */
export const SIMILAR_CONFIDENCE = 0.4;

/**
 * The nearest known report as a verdict, when one is alike enough; `evidence` and `actions` carry what
 * "unclassified" would have shown (the abnormal findings, the commands to look further), after the report.
 */
export function similarVerdict(
  input: TriageInput,
  index: KnownIndex,
  unclassified: { abnormal: readonly string[]; commands: readonly string[] },
): Verdict | undefined {
  const near = index.nearest(failureText(input));
  if (!near || near.similarity < SIMILARITY_FLOOR) return undefined;
  const { report, similarity } = near;
  return {
    ruleId: SIMILAR_RULE_ID,
    title: `Resembles a known ${report.category} failure`,
    confidence: SIMILAR_CONFIDENCE,
    summary:
      `No known failure mode matches; the output most resembles a public report (similarity ` +
      `${similarity.toFixed(2)}) whose cause was established as ${report.category}: ${report.cause}`,
    evidence: [`similar report: ${report.url} (similarity ${similarity.toFixed(2)})`, ...unclassified.abnormal],
    actions: [`Read ${report.url} and check whether its cause is this failure's`, ...unclassified.commands],
    resembles: { category: report.category, url: report.url, similarity: round2(similarity) },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
