import { describe, expect, it } from 'vitest';
import { parseJUnit } from './junit.js';
import { mergeJUnit } from './merge.js';
import { writeJUnit } from './write.js';

const shard1 = parseJUnit(
  `<?xml version="1.0"?>
<testsuites><testsuite name="api" tests="2">
  <testcase classname="api" name="creates &amp; reads" time="0.250"/>
  <testcase classname="api" name="deletes" time="1.5"><failure message="expected 204" type="AssertionError">at line 3 &lt;here&gt;</failure><system-out>log line</system-out></testcase>
</testsuite></testsuites>`,
  'shard-1.xml',
);
const shard2 = parseJUnit(
  `<testsuites>
  <testsuite name="api"><testcase classname="api" name="lists" time="0.1"><skipped message="not on podman"/></testcase></testsuite>
  <testsuite name="ui"><testcase classname="ui" name="renders" time="2"><error message="crashed" type="TypeError">stack</error><system-err>oops</system-err></testcase></testsuite>
  <testcase classname="" name="loose" time="0"/>
</testsuites>`,
  'shard-2.xml',
);

describe('mergeJUnit', () => {
  it('keeps every case once, with its status, message, details and output, readable as JUnit again', () => {
    const merged = mergeJUnit([shard1, shard2], 'e2e');
    const again = parseJUnit(merged.xml, 'merged.xml');
    // Loose cases first (directly under <testsuites>, where they came from), then the suites in first-seen order.
    expect(again.cases.map((c) => [c.id, c.status])).toEqual([
      ['loose', 'passed'],
      ['api.creates & reads', 'passed'],
      ['api.deletes', 'failed'],
      ['api.lists', 'skipped'],
      ['ui.renders', 'error'],
    ]);
    expect(again.totals).toEqual({ tests: 5, passed: 2, failed: 1, skipped: 1, errors: 1 });
    const deletes = again.cases.find((c) => c.name === 'deletes');
    expect(deletes).toMatchObject({
      message: 'expected 204',
      type: 'AssertionError',
      details: 'at line 3 <here>',
      output: 'log line',
      timeMs: 1500,
    });
    expect(again.cases.find((c) => c.name === 'renders')).toMatchObject({ errorOutput: 'oops', details: 'stack' });
    // The api suite of both shards becomes one suite.
    expect(again.suites.filter((s) => s.name === 'api')).toEqual([
      expect.objectContaining({ tests: 3, failures: 1, skipped: 1 }),
    ]);
  });

  it('refuses a test that is in two input files, naming it and the files', () => {
    let error: unknown;
    try {
      mergeJUnit([shard1, shard2, shard1]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'JUNIT_MERGE_DUPLICATES', exitCode: 4 });
    const details = (error as { details: string[] }).details;
    expect(details).toContain('api.creates & reads: in shard-1.xml, shard-1.xml');
    expect(details).toHaveLength(2);
  });

  it('writes an empty but valid document for reports without cases', () => {
    const empty = parseJUnit('<testsuites/>', 'empty.xml');
    expect(parseJUnit(writeJUnit(mergeJUnit([empty]).cases, 'x'), 'x.xml').totals.tests).toBe(0);
  });
});
