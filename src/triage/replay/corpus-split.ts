// The corpus's dev/test split (test/corpus/split.json): every case id in exactly one half, chosen at random per
// category (stratified: each category about half and half). Pure: the seed comes in; scripts/split-corpus.ts draws it.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export type Half = 'dev' | 'test';

export const splitSchema = z
  .object({
    method: z.string(),
    seed: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.string(),
    /** Later `--add` runs: their own seed and the ids they placed. */
    additions: z.array(
      z.object({ seed: z.string().regex(/^[0-9a-f]{64}$/), at: z.string(), ids: z.array(z.string()) }),
    ),
    cases: z.record(z.string(), z.enum(['dev', 'test'])),
  })
  .strict();

export type Split = z.infer<typeof splitSchema>;

export const SPLIT_METHOD =
  'per category: ids ordered by HMAC-SHA256(seed, id), the first half (rounded by the seed for odd counts) dev, the rest test; --add places new ids the same way with a new seed, starting with the half that has fewer cases of the category';

/** The order the seed gives a set of ids. */
function shuffled(seed: string, ids: readonly string[]): string[] {
  const key = (id: string) => createHmac('sha256', Buffer.from(seed, 'hex')).update(id).digest('hex');
  return [...ids].sort((a, b) => key(a).localeCompare(key(b)) || a.localeCompare(b));
}

/** Whether the seed's coin for a category says the odd case goes to dev. */
function coin(seed: string, category: string): boolean {
  return createHmac('sha256', Buffer.from(seed, 'hex')).update(`odd:${category}`).digest()[0]! % 2 === 0;
}

/** Places new ids of each category into halves; `counts` are the halves' current sizes per category. */
function place(
  seed: string,
  byCategory: ReadonlyMap<string, readonly string[]>,
  counts: (category: string) => { dev: number; test: number },
): Record<string, Half> {
  const out: Record<string, Half> = {};
  for (const [category, ids] of byCategory) {
    const now = counts(category);
    let next: Half =
      now.dev === now.test ? (coin(seed, category) ? 'dev' : 'test') : now.dev < now.test ? 'dev' : 'test';
    const order = shuffled(seed, ids);
    // Alternating from the smaller half keeps the category balanced; the order is the seed's.
    for (const id of order) {
      out[id] = next;
      next = next === 'dev' ? 'test' : 'dev';
    }
  }
  return out;
}

function group(cases: readonly { id: string; category: string }[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const c of cases) by.set(c.category, [...(by.get(c.category) ?? []), c.id]);
  return by;
}

/** A new split of every case. */
export function newSplit(seed: string, cases: readonly { id: string; category: string }[], at: Date): Split {
  return {
    method: SPLIT_METHOD,
    seed,
    createdAt: at.toISOString(),
    additions: [],
    cases: sortedRecord(place(seed, group(cases), () => ({ dev: 0, test: 0 }))),
  };
}

/** The split with the cases it does not have yet placed (existing assignments never change). */
export function addToSplit(
  split: Split,
  seed: string,
  cases: readonly { id: string; category: string }[],
  at: Date,
): { split: Split; added: string[] } {
  const fresh = cases.filter((c) => !(c.id in split.cases));
  if (fresh.length === 0) return { split, added: [] };
  const categoryOf = new Map(cases.map((c) => [c.id, c.category]));
  const counts = (category: string) => {
    const halves = Object.entries(split.cases).filter(([id]) => categoryOf.get(id) === category);
    return {
      dev: halves.filter(([, h]) => h === 'dev').length,
      test: halves.filter(([, h]) => h === 'test').length,
    };
  };
  const placed = place(seed, group(fresh), counts);
  const ids = Object.keys(placed).sort();
  return {
    split: {
      ...split,
      additions: [...split.additions, { seed, at: at.toISOString(), ids }],
      cases: sortedRecord({ ...split.cases, ...placed }),
    },
    added: ids,
  };
}

/** Problems of a split against the corpus: ids missing from it, ids it has that no case has. */
export function splitProblems(split: Split, ids: readonly string[]): string[] {
  const known = new Set(ids);
  return [
    ...ids.filter((id) => !(id in split.cases)).map((id) => `case ${id} is in no half`),
    ...Object.keys(split.cases)
      .filter((id) => !known.has(id))
      .map((id) => `split.json names ${id}, which is not a case`),
  ];
}

function sortedRecord(r: Record<string, Half>): Record<string, Half> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
}
