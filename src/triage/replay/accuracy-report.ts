// docs/triage-accuracy.md from scored replays: per half, overall and per category, top-1 accuracy, confident-wrong
// and unclassified rates; the confident-wrong cases of the dev half with their sources. The test half's cases are
// never named (nobody reads its answers while writing rules), only counted. Pure.
import type { Half } from './corpus-split.js';
import { CATEGORIES } from './corpus-case.js';
import { ACCEPTED_RULES } from './accepted-rules.js';
import { confidentWrong, rates, ratesByCategory, type Rates, type Scored } from './score.js';

export interface AccuracyReportInput {
  date: string;
  command: string;
  corpusSize: number;
  /** False until test/corpus/split.json exists: every case then counts as dev. */
  splitRecorded: boolean;
  halves: Record<Half, Scored[]>;
  /** Earlier measurements, oldest first (bench/triage-accuracy-history.json), shown under the current figures. */
  history?: readonly HistoryEntry[];
}

/** One earlier measurement of both halves. */
export interface HistoryEntry {
  /** When and at what point, e.g. `2026-12-06, after the documented-forms rules`. */
  when: string;
  dev: { top1: number; confidentWrong: number; unclassified: number };
  test: { top1: number; confidentWrong: number; unclassified: number };
}

function pct(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`;
}

function row(label: string, r: Rates): string {
  return `| ${label} | ${r.cases} | ${pct(r.right, r.cases)} | ${pct(r.confidentWrong, r.cases)} | ${pct(r.unclassified, r.cases)} |`;
}

const HEADER = [
  '| | cases | top-1 accuracy | confident wrong (≥ 50%) | unclassified |',
  '| --- | ---: | ---: | ---: | ---: |',
];

/**
 * How the similar-report leads of unclassified cases fare: a lead is not a verdict (top-1 does not count it), so its
 * own line per half says how many unclassified cases got one and how many of those name the case's category.
 */
function leads(halves: Record<Half, Scored[]>): string[] {
  const line = (half: Half): string => {
    const r = rates(halves[half]);
    return `- ${half}: ${r.led} of ${r.unclassified} unclassified case(s) got a lead; ${r.leadsRight} of them name the case's category.`;
  };
  return [
    '"Unclassified" names the most similar known public report when one is alike enough (src/triage/similar/). Here',
    'the known reports are the dev half only: a test case is compared with the dev half, a dev case with the rest of',
    'the dev half (never with itself).',
    '',
    line('dev'),
    line('test'),
    '',
  ];
}

function cells(r: Rates | undefined): string {
  return r === undefined
    ? '0 | – | – | –'
    : `${r.cases} | ${pct(r.right, r.cases)} | ${pct(r.confidentWrong, r.cases)} | ${pct(r.unclassified, r.cases)}`;
}

/** One table, a row per category, the dev half's figures beside the test half's. */
function byCategorySideBySide(halves: Record<Half, Scored[]>): string[] {
  const dev = ratesByCategory(halves.dev, CATEGORIES);
  const test = ratesByCategory(halves.test, CATEGORIES);
  const out = [
    '## By category, dev and test side by side',
    '',
    '| category | dev cases | dev top-1 | dev conf. wrong | dev unclassified | test cases | test top-1 | test conf. wrong | test unclassified |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const category of CATEGORIES) {
    if (!dev.has(category) && !test.has(category)) continue;
    const label = `${category}${ACCEPTED_RULES[category].length === 0 ? ' (no rule)' : ''}`;
    out.push(`| ${label} | ${cells(dev.get(category))} | ${cells(test.get(category))} |`);
  }
  return [...out, ''];
}

/**
 * The misses per category: the dev half's by case, with the verdict it got; the test half's only counted (wrong,
 * of which confident, and unclassified), since its cases stay unread.
 */
function missesByCategory(halves: Record<Half, Scored[]>): string[] {
  const out = ['## Misses per category', ''];
  const testMisses = new Map<string, Scored[]>();
  for (const s of halves.test.filter((x) => x.outcome !== 'right'))
    testMisses.set(s.category, [...(testMisses.get(s.category) ?? []), s]);
  const devMisses = halves.dev.filter((x) => x.outcome !== 'right');
  const categories = CATEGORIES.filter((c) => testMisses.has(c) || devMisses.some((s) => s.category === c));
  if (categories.length === 0) return [...out, 'None.', ''];
  out.push('| category | dev misses (case: top verdict) | test misses (counted only) |', '| --- | --- | --- |');
  for (const category of categories) {
    const dev = devMisses
      .filter((s) => s.category === category)
      .map((s) => `${s.id}: ${s.top ? `${s.top.ruleId} ${pct(s.top.confidence, 1)}` : 'unclassified'}`)
      .join('; ');
    const test = testMisses.get(category) ?? [];
    const wrong = test.filter((s) => s.outcome === 'wrong').length;
    const confident = test.filter(confidentWrong).length;
    const unclassified = test.length - wrong;
    out.push(
      `| ${category} | ${dev || '–'} | ${test.length === 0 ? '–' : `${wrong} wrong (${confident} confident), ${unclassified} unclassified`} |`,
    );
  }
  return [...out, ''];
}

function historyTable(history: readonly HistoryEntry[]): string[] {
  const f = (h: HistoryEntry['dev']) =>
    `${h.top1.toFixed(1)}% / ${h.confidentWrong.toFixed(1)}% / ${h.unclassified.toFixed(1)}%`;
  return [
    '## Earlier measurements',
    '',
    '| when | dev: top-1 / confident wrong / unclassified | test: top-1 / confident wrong / unclassified |',
    '| --- | --- | --- |',
    ...history.map((h) => `| ${h.when} | ${f(h.dev)} | ${f(h.test)} |`),
    '',
  ];
}

/** The whole markdown document. */
export function accuracyMarkdown(input: AccuracyReportInput): string {
  const { halves } = input;
  const lines = [
    '# Triage accuracy on the real-failure corpus',
    '',
    `Generated by \`${input.command}\` on ${input.date}; ${input.corpusSize} cases (test/corpus/, format and`,
    'collection in test/corpus/README.md). Each case is replayed through the path of a live failure into `diagnose`',
    "(src/triage/replay/). Top-1: the top verdict names the case's cause (accepted rules per category in",
    'src/triage/replay/accepted-rules.ts); confident wrong: a wrong top verdict at 50% or more; unclassified: no verdict.',
    '',
    input.splitRecorded
      ? 'Halves from test/corpus/split.json (dev: rules may be written against it; test: held out).'
      : '**test/corpus/split.json is not recorded yet: every case is counted in the dev half.**',
    '',
    '## Overall',
    '',
    ...HEADER,
    row('dev', rates(halves.dev)),
    row('test', rates(halves.test)),
    '',
    ...leads(halves),
  ];
  lines.push(...byCategorySideBySide(halves), ...missesByCategory(halves));
  if (input.history && input.history.length > 0) lines.push(...historyTable(input.history));
  const wrong = halves.dev.filter(confidentWrong);
  lines.push('## Confident wrong verdicts (dev half)', '');
  if (wrong.length === 0) lines.push('None.');
  else {
    lines.push('| case | category | top verdict | confidence | source |', '| --- | --- | --- | ---: | --- |');
    for (const s of wrong)
      lines.push(`| ${s.id} | ${s.category} | ${s.top?.ruleId ?? ''} | ${pct(s.top?.confidence ?? 0, 1)} | ${s.url} |`);
  }
  const heldOut = halves.test.filter(confidentWrong).length;
  lines.push(
    '',
    `The test half's ${heldOut} confident wrong verdict(s) are counted above but not listed: its answers stay unread while rules are written.`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
