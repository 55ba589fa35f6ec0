// Calibration of the rules' matches into verdicts (src/triage/README.md, "Calibration"): a verdict that leaves an
// infrastructure marker of the output unexplained loses confidence and lists what it leaves; competing theories
// share at most 100%. Pure.
import type { MarkerHit } from './rules/infra-markers.js';
import type { Verdict } from './types.js';

/** A verdict leaving abnormal evidence unexplained keeps at most this: below "confident" (0.5), above the floor. */
export const UNEXPLAINED_CAP = 0.4;
/** ...and at most this share of what it claimed alone. */
const UNEXPLAINED_FACTOR = 0.5;
/** A theory left with less than this share once the stronger ones took theirs is not shown. */
const MIN_SHARE = 0.05;

/**
 * Lowers a verdict whose rule does not explain every marker found: to half its confidence, at most
 * UNEXPLAINED_CAP, and records the markers it leaves (`unexplained`).
 */
export function penaliseUnexplained(verdict: Verdict, markers: readonly MarkerHit[]): Verdict {
  const explained = new Set(verdict.explains ?? []);
  const left = markers.filter((m) => !explained.has(m.id));
  if (left.length === 0) return verdict;
  return {
    ...verdict,
    confidence: round2(Math.min(verdict.confidence * UNEXPLAINED_FACTOR, UNEXPLAINED_CAP)),
    unexplained: left.map((m) => `${m.label}: ${m.line}`),
  };
}

/**
 * Ranked verdicts as competing theories: the first keeps its confidence, each next one gets at most what the
 * ones above it left of 100% (so the shown confidences add up to at most 100%, as a hand triage states them).
 * A theory with almost nothing left is dropped.
 */
export function shareConfidence(ranked: readonly Verdict[]): Verdict[] {
  let left = 1;
  const out: Verdict[] = [];
  for (const v of ranked) {
    const confidence = round2(Math.min(v.confidence, left));
    if (confidence < MIN_SHARE) continue;
    out.push(confidence === v.confidence ? v : { ...v, confidence });
    left = round2(left - confidence);
  }
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
