// JUnitCase[] -> JUnit XML text: one <testsuite> per suite path (in first-seen order), cases in input order.
// Reading the result back with parseJUnit gives the same cases, statuses and ids.
import type { JUnitCase } from './types.js';
import { totalsOf } from './junit.js';

/** The JUnit XML document of `cases`; `name` goes on the <testsuites> root. */
export function writeJUnit(cases: readonly JUnitCase[], name: string): string {
  const bySuite = new Map<string, JUnitCase[]>();
  for (const c of cases) bySuite.set(c.suite, [...(bySuite.get(c.suite) ?? []), c]);
  const totals = totalsOf(cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${totals.tests}" failures="${totals.failed}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds(sum(cases))}">`,
  ];
  // Cases that had no suite stay directly under <testsuites>, where they came from.
  for (const c of bySuite.get('') ?? []) lines.push(...testcase(c, '  '));
  for (const [suite, own] of bySuite) {
    if (suite === '') continue;
    const t = totalsOf(own);
    lines.push(
      `  <testsuite name="${xml(suite)}" tests="${t.tests}" failures="${t.failed}" errors="${t.errors}" skipped="${t.skipped}" time="${seconds(sum(own))}">`,
    );
    for (const c of own) lines.push(...testcase(c, '    '));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function testcase(c: JUnitCase, indent: string): string[] {
  const attrs = `classname="${xml(c.classname)}" name="${xml(c.name)}" time="${seconds(c.timeMs)}"${c.file ? ` file="${xml(c.file)}"` : ''}`;
  const inner: string[] = [];
  if (c.status !== 'passed') {
    const tag = c.status === 'failed' ? 'failure' : c.status;
    const message = c.message !== undefined ? ` message="${xml(c.message)}"` : '';
    const type = c.type !== undefined ? ` type="${xml(c.type)}"` : '';
    inner.push(`<${tag}${message}${type}>${xml(c.details ?? '')}</${tag}>`);
  }
  if (c.output) inner.push(`<system-out>${xml(c.output)}</system-out>`);
  if (c.errorOutput) inner.push(`<system-err>${xml(c.errorOutput)}</system-err>`);
  if (inner.length === 0) return [`${indent}<testcase ${attrs}/>`];
  return [`${indent}<testcase ${attrs}>`, ...inner.map((l) => `${indent}  ${l}`), `${indent}</testcase>`];
}

function sum(cases: readonly JUnitCase[]): number {
  return cases.reduce((total, c) => total + c.timeMs, 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// XML 1.0 text: markup characters escaped, characters XML cannot hold at all dropped.
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
