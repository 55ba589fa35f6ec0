// Splits the triage corpus into its dev and test halves (test/corpus/split.json), once, with a crypto-random seed
// that is printed and recorded. `--add` places cases that are not in the split yet; existing ones never move.
// Usage: npx tsx scripts/split-corpus.ts [--add]
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../src/triage/replay/corpus-case.js';
import { addToSplit, newSplit, splitSchema } from '../src/triage/replay/corpus-split.js';

const CASES = new URL('../test/corpus/cases/', import.meta.url).pathname;
const SPLIT = new URL('../test/corpus/split.json', import.meta.url).pathname;

const add = process.argv.includes('--add');
const cases = loadCorpus(CASES);
const seed = randomBytes(32).toString('hex');
const now = new Date();

if (!add) {
  if (existsSync(SPLIT)) {
    console.error(`${SPLIT} exists: the split is made once. Use --add to place new cases.`);
    process.exit(1);
  }
  const split = newSplit(seed, cases, now);
  writeFileSync(SPLIT, `${JSON.stringify(split, null, 2)}\n`);
  const halves = Object.values(split.cases);
  console.log(`seed ${seed}`);
  console.log(
    `${cases.length} cases: ${halves.filter((h) => h === 'dev').length} dev, ${halves.filter((h) => h === 'test').length} test -> ${SPLIT}`,
  );
} else {
  if (!existsSync(SPLIT)) {
    console.error(`${SPLIT} does not exist: run without --add first.`);
    process.exit(1);
  }
  const before = splitSchema.parse(JSON.parse(readFileSync(SPLIT, 'utf8')));
  const { split, added } = addToSplit(before, seed, cases, now);
  if (added.length === 0) {
    console.log('every case is already in the split; nothing changed');
  } else {
    writeFileSync(SPLIT, `${JSON.stringify(split, null, 2)}\n`);
    console.log(`seed ${seed}`);
    console.log(`placed ${added.length} new case(s) -> ${SPLIT}`);
  }
}
