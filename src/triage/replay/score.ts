// Scores replayed cases: the outcome of each (right, wrong, unclassified) and the rates per category and overall.
import type { Diagnosis } from '../diagnose.js';
import { ACCEPTED_RULES } from './accepted-rules.js';
import type { Category, CorpusCase } from './corpus-case.js';

/** A wrong verdict at or above this confidence is a confident wrong one. */
export const CONFIDENT = 0.5;

export type Outcome = 'right' | 'wrong' | 'unclassified';

export interface Scored {
  id: string;
  category: Category;
  url: string;
  outcome: Outcome;
  /** The top verdict's rule and confidence; absent when unclassified. */
  top?: { ruleId: string; confidence: number };
  /** Unclassified with a similar-report lead: whether the report it names has the case's category. */
  lead?: boolean;
}

/**
 * How the top verdict fares against the case's category; for an unclassified case with a similar-report lead, whether
 * the report it names has the case's category.
 */
export function scoreCase(c: CorpusCase, diagnosis: Diagnosis): Scored {
  const base = { id: c.id, category: c.category, url: c.source.url };
  const top = diagnosis.verdicts[0];
  if (!top) {
    const lead = diagnosis.unclassified?.resembles;
    return { ...base, outcome: 'unclassified', ...(lead ? { lead: lead.category === c.category } : {}) };
  }
  const outcome = ACCEPTED_RULES[c.category].includes(top.ruleId) ? 'right' : 'wrong';
  return { ...base, outcome, top: { ruleId: top.ruleId, confidence: top.confidence } };
}

/** Whether a scored case is a wrong verdict at >= 50%. */
export function confidentWrong(s: Scored): boolean {
  return s.outcome === 'wrong' && (s.top?.confidence ?? 0) >= CONFIDENT;
}

export interface Rates {
  cases: number;
  right: number;
  confidentWrong: number;
  unclassified: number;
  /** Unclassified cases with a similar-report lead, and how many of those leads name the case's category. */
  led: number;
  leadsRight: number;
}

/** Counts of a set of scored cases (rates are these over `cases`). */
export function rates(scored: readonly Scored[]): Rates {
  return {
    cases: scored.length,
    right: scored.filter((s) => s.outcome === 'right').length,
    confidentWrong: scored.filter(confidentWrong).length,
    unclassified: scored.filter((s) => s.outcome === 'unclassified').length,
    led: scored.filter((s) => s.lead !== undefined).length,
    leadsRight: scored.filter((s) => s.lead === true).length,
  };
}

/** Rates per category (only categories with cases), in the order of the category list. */
export function ratesByCategory(scored: readonly Scored[], categories: readonly Category[]): Map<Category, Rates> {
  const out = new Map<Category, Rates>();
  for (const category of categories) {
    const of = scored.filter((s) => s.category === category);
    if (of.length > 0) out.set(category, rates(of));
  }
  return out;
}
