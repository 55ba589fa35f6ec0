// `npm run bench:triage`: replays every corpus case into `diagnose`, scores the top verdicts per half and writes
// docs/triage-accuracy.md. Prints only the overall figures (never a test-half case).
// `npm run bench:triage -- --dev`: replays only the dev half and prints its categories and its missed cases, for
// iterating on rules; the test half is not replayed and the document is not written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus, type CorpusCase } from '../src/triage/replay/corpus-case.js';
import { splitSchema, splitProblems, type Half } from '../src/triage/replay/corpus-split.js';
import { accuracyMarkdown, type HistoryEntry } from '../src/triage/replay/accuracy-report.js';
import { replayCase } from '../src/triage/replay/replay-case.js';
import { rates, scoreCase, type Scored } from '../src/triage/replay/score.js';
import { devReport } from '../src/triage/replay/dev-report.js';
import { diagnose } from '../src/triage/diagnose.js';
import { buildKnownIndex, type KnownIndex } from '../src/triage/similar/known-index.js';
import { toKnownReport } from '../src/triage/similar/report-text.js';

const CASES = new URL('../test/corpus/cases/', import.meta.url).pathname;
const SPLIT = new URL('../test/corpus/split.json', import.meta.url).pathname;
const OUT = new URL('../docs/triage-accuracy.md', import.meta.url).pathname;
/** Earlier measurements (by hand, one entry per reported milestone), shown under the current figures. */
const HISTORY = new URL('./triage-accuracy-history.json', import.meta.url).pathname;
/** Cases replayed at once: most finish in milliseconds, a pod that never gets ready takes about a second. */
const CONCURRENCY = 8;

const casesDir = process.env.TARMAC_CORPUS_CASES ?? CASES;
const cases = loadCorpus(casesDir);
const split = existsSync(SPLIT) ? splitSchema.parse(JSON.parse(readFileSync(SPLIT, 'utf8'))) : undefined;
if (split) {
  const problems = splitProblems(
    split,
    cases.map((c) => c.id),
  );
  if (problems.length > 0) throw new Error(`test/corpus/split.json does not match the corpus:\n${problems.join('\n')}`);
}
const halfOf = (c: CorpusCase): Half => split?.cases[c.id] ?? 'dev';
// The known reports an unclassified case's lead may name: the dev half only, so no test case's answer is used; a
// dev case is compared with the rest of the dev half (an index without it, so it never meets itself, even in the
// words' weights).
const devReports = cases.filter((c) => halfOf(c) === 'dev').map(toKnownReport);
const devIndex = buildKnownIndex(devReports);
const knownFor = (c: CorpusCase): KnownIndex =>
  halfOf(c) === 'dev' ? buildKnownIndex(devReports.filter((r) => r.id !== c.id)) : devIndex;
const devOnly = process.argv.includes('--dev');
if (devOnly) {
  const dev = cases.filter((c) => halfOf(c) === 'dev');
  const out = await replayAll(dev);
  console.log(devReport(out));
  process.exit(0);
}

/** Replays and scores a set of cases, CONCURRENCY at a time, in their order. */
async function replayAll(of: readonly CorpusCase[]): Promise<Scored[]> {
  const out: Scored[] = new Array<Scored>(of.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < of.length) {
        const i = next++;
        const c = of[i]!;
        const { input } = await replayCase(c);
        out[i] = scoreCase(
          c,
          diagnose(input, undefined, () => knownFor(c)),
        );
      }
    }),
  );
  return out;
}

const started = Date.now();
const scored = await replayAll(cases);
const halves: Record<Half, Scored[]> = {
  dev: scored.filter((_, i) => halfOf(cases[i]!) === 'dev'),
  test: scored.filter((_, i) => halfOf(cases[i]!) === 'test'),
};
writeFileSync(
  OUT,
  accuracyMarkdown({
    date: new Date().toISOString().slice(0, 10),
    command: 'npm run bench:triage',
    corpusSize: cases.length,
    splitRecorded: split !== undefined,
    halves,
    history: existsSync(HISTORY) ? (JSON.parse(readFileSync(HISTORY, 'utf8')) as HistoryEntry[]) : [],
  }),
);
/** One line of overall figures: cases, top-1, confident wrong, unclassified. */
function figures(r: ReturnType<typeof rates>): string {
  const p = (n: number) => (r.cases === 0 ? '-' : `${((100 * n) / r.cases).toFixed(1)}%`);
  return `${r.cases} cases, top-1 ${p(r.right)}, confident wrong ${p(r.confidentWrong)}, unclassified ${p(r.unclassified)}`;
}
for (const half of ['dev', 'test'] as const) {
  const r = rates(halves[half]);
  console.log(`${half}: ${figures(r)} (${r.led} with a similar-report lead, ${r.leadsRight} naming the category)`);
}
// The test half as it stood before the latest addition of cases (split.json `additions`), so the figures stay
// comparable with those reported on that corpus. Overall figures only, like the lines above.
const latest = split?.additions.at(-1);
if (latest) {
  const added = new Set(latest.ids);
  const earlier = rates(halves.test.filter((s) => !added.has(s.id)));
  console.log(`test without the ${latest.ids.length} cases added ${latest.at.slice(0, 16)}: ${figures(earlier)}`);
}
console.log(`${cases.length} cases replayed in ${((Date.now() - started) / 1000).toFixed(1)}s -> ${OUT}`);
