// Known failures as a nearest-neighbour index: each public report of the triage corpus (test/corpus, shipped as
// dist/known-reports.json) with its established cause, compared with a new failure by cosine similarity of their
// words weighted by rarity (tf-idf with binary term frequency: a word that every report has says nothing). Pure.
import { failureTokens } from './tokens.js';

/** One public report: what it printed, the category and cause its maintainers or reporter established, where. */
export interface KnownReport {
  id: string;
  category: string;
  url: string;
  cause: string;
  text: string;
}

/** The nearest report to a failure and how alike they are (0..1). */
export interface Nearest {
  report: KnownReport;
  similarity: number;
}

export interface KnownIndex {
  /** The most similar report, leaving out `excludeId` (a report is not its own neighbour); undefined when none shares a word. */
  nearest(text: string, excludeId?: string): Nearest | undefined;
  size: number;
}

type Vector = Map<string, number>;

/** Indexes the reports: every word's rarity across them, and each report's unit-length vector. */
export function buildKnownIndex(reports: readonly KnownReport[]): KnownIndex {
  const tokens = reports.map((r) => failureTokens(r.text));
  const seenIn = new Map<string, number>();
  for (const set of tokens) for (const t of set) seenIn.set(t, (seenIn.get(t) ?? 0) + 1);
  const n = reports.length;
  // Smoothed inverse document frequency; a word no report has gets no weight (it cannot make two texts alike).
  const weight = (t: string): number => {
    const df = seenIn.get(t);
    return df === undefined ? 0 : Math.log((n + 1) / (df + 0.5));
  };
  const vectorOf = (set: Set<string>): Vector => unit(new Map([...set].map((t) => [t, weight(t)])));
  const vectors = tokens.map(vectorOf);
  return {
    size: n,
    nearest(text, excludeId) {
      const query = vectorOf(failureTokens(text));
      let best: Nearest | undefined;
      reports.forEach((report, i) => {
        if (report.id === excludeId) return;
        const similarity = dot(query, vectors[i]!);
        if (similarity > 0 && (!best || similarity > best.similarity)) best = { report, similarity };
      });
      return best;
    },
  };
}

/** The same index with one report left out: how a report is scored against the others (the corpus's dev half). */
export function withoutReport(index: KnownIndex, id: string): KnownIndex {
  return { size: index.size - 1, nearest: (text, excludeId) => index.nearest(text, excludeId ?? id) };
}

function unit(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return new Map();
  return new Map([...v].filter(([, w]) => w > 0).map(([t, w]) => [t, w / norm]));
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, w] of small) sum += w * (large.get(t) ?? 0);
  return sum;
}
