// JUnit XML -> JUnitReport: the suites, every test case with its status, and the totals.
// Accepts <testsuites> or a bare <testsuite> root, nested suites, and cases directly under
// <testsuites> (node --test's junit reporter puts top-level tests there).
import { attr, children, parseJUnitXml, textOf, type XmlElement } from './xml.js';
import { assignIds } from './ids.js';
import type { JUnitCase, JUnitReport, JUnitStatus, JUnitSuite, JUnitTotals } from './types.js';

// The model's types, so callers need one import.
export type { JUnitCase, JUnitReport, JUnitStatus, JUnitSuite, JUnitTotals } from './types.js';

/** Parses JUnit XML text; `file` names it in errors. Throws JUNIT_MALFORMED (exit 4) for anything that is not JUnit XML. */
export function parseJUnit(xml: string, file: string): JUnitReport {
  const { tag, root } = parseJUnitXml(xml, file);
  const suites: JUnitSuite[] = [];
  const cases: Omit<JUnitCase, 'id'>[] = [];
  if (tag === 'testsuite') walkSuite(root, [], suites, cases);
  else walkGroup(root, [], suites, cases);
  const withIds = assignIds(cases);
  return { file, suites, cases: withIds, totals: totalsOf(withIds) };
}

/** Counts over `cases`. */
export function totalsOf(cases: readonly Pick<JUnitCase, 'status'>[]): JUnitTotals {
  const totals: JUnitTotals = { tests: cases.length, passed: 0, failed: 0, skipped: 0, errors: 0 };
  for (const c of cases) {
    if (c.status === 'passed') totals.passed++;
    else if (c.status === 'failed') totals.failed++;
    else if (c.status === 'skipped') totals.skipped++;
    else totals.errors++;
  }
  return totals;
}

/** A <testsuites> (or the cases and suites inside a suite): its suites, nested groups and loose cases. */
function walkGroup(group: XmlElement, path: string[], suites: JUnitSuite[], cases: Omit<JUnitCase, 'id'>[]): void {
  for (const c of children(group, 'testcase')) cases.push(toCase(c, path.join('/')));
  for (const nested of children(group, 'testsuites')) walkGroup(nested, path, suites, cases);
  for (const suite of children(group, 'testsuite')) walkSuite(suite, path, suites, cases);
}

function walkSuite(suite: XmlElement, parent: string[], suites: JUnitSuite[], cases: Omit<JUnitCase, 'id'>[]): void {
  const path = [...parent, attr(suite, 'name') ?? ''];
  const name = path.join('/');
  const own = children(suite, 'testcase').map((c) => toCase(c, name));
  const counts = totalsOf(own);
  const time = attr(suite, 'time');
  suites.push({
    name,
    tests: own.length,
    failures: counts.failed,
    errors: counts.errors,
    skipped: counts.skipped,
    timeMs: time === undefined ? own.reduce((sum, c) => sum + c.timeMs, 0) : secondsToMs(time),
  });
  cases.push(...own);
  for (const nested of children(suite, 'testsuite')) walkSuite(nested, path, suites, cases);
}

function toCase(element: XmlElement, suite: string): Omit<JUnitCase, 'id'> {
  // Precedence when a case carries several outcomes: an error outranks a failure, which outranks a skip.
  const [status, outcome] = outcomeOf(element);
  const message = outcome ? (attr(outcome, 'message') ?? firstLine(textOf(outcome))) : undefined;
  const type = outcome ? attr(outcome, 'type') : undefined;
  const details = outcome ? textOf(outcome).trim() : '';
  const output = joinTexts(children(element, 'system-out'));
  const errorOutput = joinTexts(children(element, 'system-err'));
  const file = attr(element, 'file');
  return {
    suite,
    classname: attr(element, 'classname') ?? '',
    name: attr(element, 'name') ?? '',
    status,
    timeMs: secondsToMs(attr(element, 'time')),
    ...(message ? { message } : {}),
    ...(type && status !== 'skipped' ? { type } : {}),
    ...(details ? { details } : {}),
    ...(output ? { output } : {}),
    ...(errorOutput ? { errorOutput } : {}),
    ...(file ? { file } : {}),
  };
}

function outcomeOf(element: XmlElement): [JUnitStatus, XmlElement | undefined] {
  const error = children(element, 'error')[0];
  if (error) return ['error', error];
  const failure = children(element, 'failure')[0];
  if (failure) return ['failed', failure];
  const skipped = children(element, 'skipped')[0];
  if (skipped) return ['skipped', skipped];
  return ['passed', undefined];
}

/** JUnit times are seconds ("0.025", "1,234.5" from some locales); anything unreadable counts as 0. */
function secondsToMs(value: string | undefined): number {
  const seconds = Number((value ?? '').replace(/,/g, ''));
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

function firstLine(text: string): string | undefined {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
}

function joinTexts(elements: XmlElement[]): string {
  return elements
    .map((e) => textOf(e).trim())
    .filter((t) => t !== '')
    .join('\n');
}
