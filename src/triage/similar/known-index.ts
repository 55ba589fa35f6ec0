// Known failures as a nearest-neighbour index: each public report of the triage corpus (test/corpus, shipped as
// dist/known-reports.json) with its established cause, compared with a new failure by cosine similarity of their
// words weighted by rarity (tf-idf with binary term frequency: a word every report has says little). Pure.
import { failureTokens } from './tokens.js';

/** One public report: what it printed, the category and cause its maintainers or reporter established, where. */
export interface KnownReport {
  id: string;
  category: string;
  url: string;
  cause: string;
  text: string;
}

/** The nearest report to a failure, how alike the two are (0..1) and how many words and pairs they share. */
export interface Nearest {
  report: KnownReport;
  similarity: number;
  shared: number;
}

/** Known reports ready to be compared with a failure's output. */
export interface KnownIndex {
  /** The most similar report; undefined when none shares a word with `text`. */
  nearest(text: string): Nearest | undefined;
  size: number;
}

type Vector = Map<string, number>;

// A report's words, read once however many indexes hold the report (the benchmark builds one index per dev case).
const tokensOf = new WeakMap<KnownReport, Set<string>>();
function reportTokens(report: KnownReport): Set<string> {
  let tokens = tokensOf.get(report);
  if (!tokens) tokensOf.set(report, (tokens = failureTokens(report.text)));
  return tokens;
}

/** Indexes the reports: every word's rarity across them, and each report's unit-length vector. */
export function buildKnownIndex(reports: readonly KnownReport[]): KnownIndex {
  const tokens = reports.map(reportTokens);
  const seenIn = new Map<string, number>();
  for (const set of tokens) for (const t of set) seenIn.set(t, (seenIn.get(t) ?? 0) + 1);
  const n = reports.length;
  // Smoothed inverse document frequency. A word no report has is as rare as a word can be: it counts in the length
  // of a failure's vector, so a long output with one familiar fragment is not taken for that fragment alone.
  const weight = (t: string): number => Math.log((n + 1) / ((seenIn.get(t) ?? 0) + 0.5));
  const vectorOf = (set: Set<string>): Vector => unit(new Map([...set].map((t) => [t, weight(t)])));
  const vectors = tokens.map(vectorOf);
  return {
    size: n,
    nearest(text) {
      const query = vectorOf(failureTokens(text));
      let best: Nearest | undefined;
      vectors.forEach((vector, i) => {
        const { similarity, shared } = compare(query, vector);
        if (shared > 0 && (!best || similarity > best.similarity)) best = { report: reports[i]!, similarity, shared };
      });
      return best;
    },
  };
}

function unit(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  return norm === 0 ? new Map() : new Map([...v].map(([t, w]) => [t, w / norm]));
}

function compare(a: Vector, b: Vector): { similarity: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let similarity = 0;
  let shared = 0;
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other === undefined) continue;
    similarity += w * other;
    shared += 1;
  }
  return { similarity, shared };
}
