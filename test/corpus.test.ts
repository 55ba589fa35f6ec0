// The triage corpus (test/corpus/cases) is well-formed and test/corpus/split.json places every case in exactly one half.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseProblems, readCaseFiles } from '../src/triage/replay/corpus-case.js';
import { splitProblems, splitSchema } from '../src/triage/replay/corpus-split.js';

const CASES = new URL('./corpus/cases/', import.meta.url).pathname;
const SPLIT = new URL('./corpus/split.json', import.meta.url).pathname;

describe('triage corpus', () => {
  const entries = existsSync(CASES) ? readCaseFiles(CASES) : [];

  it('has cases under test/corpus/cases/<category>/<id>.json', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it('every case matches the case format: known category (its folder), id = file name, source url, non-empty output', () => {
    expect(entries.flatMap(caseProblems)).toEqual([]);
  });

  it('split.json places every case in exactly one half', () => {
    expect(
      existsSync(SPLIT),
      'test/corpus/split.json is missing: run `npx tsx scripts/split-corpus.ts` once (see test/corpus/README.md)',
    ).toBe(true);
    const raw = readFileSync(SPLIT, 'utf8');
    const split = splitSchema.parse(JSON.parse(raw));
    const ids = entries.flatMap((e) => (e.result.success ? [e.result.data.id] : []));
    expect(splitProblems(split, ids)).toEqual([]);
    // JSON.parse keeps the last of duplicate keys: count each id's key in the text itself.
    const twice = ids.filter((id) => raw.split(`"${id}":`).length - 1 !== 1);
    expect(twice).toEqual([]);
  });
});
