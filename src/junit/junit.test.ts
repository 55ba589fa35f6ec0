// parseJUnit against real tools' output (test/fixtures/junit, see its README) and small inline documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJUnit, type JUnitReport } from './junit.js';

const fixtures = new URL('../../test/fixtures/junit/', import.meta.url).pathname;

function fixture(name: string): JUnitReport {
  return parseJUnit(readFileSync(join(fixtures, name), 'utf8'), name);
}

/** `id -> status` of every case, in document order. */
function statuses(report: JUnitReport): [string, string][] {
  return report.cases.map((c) => [c.id, c.status]);
}

describe("parseJUnit on real tools' output", () => {
  it('node --test: loose cases under <testsuites>, nested describes as suite paths, skip and todo as skipped', () => {
    const r = fixture('node-test-v20.xml');
    expect(statuses(r)).toEqual([
      ['test.top passes', 'passed'],
      ['test.top fails', 'failed'],
      ['test.top skipped', 'skipped'],
      ['test.top todo', 'skipped'],
      ['test.inner passes', 'passed'],
      ['test.deep fails', 'failed'],
    ]);
    expect(r.cases.map((c) => c.suite)).toEqual(['', '', '', '', 'outer', 'outer/deeper']);
    expect(r.suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['outer', 1, 0],
      ['outer/deeper', 1, 1],
    ]);
    const deep = r.cases[5];
    expect(deep?.message).toBe('boom & <bang>');
    expect(deep?.type).toBe('testCodeFailure');
    expect(deep?.details).toMatch(/^Error \[ERR_TEST_FAILURE\]: boom & <bang>\n/);
    expect(r.cases[2]?.message).toBe('not today');
    expect(r.totals).toEqual({ tests: 6, passed: 2, failed: 2, skipped: 2, errors: 0 });
  });

  it('pytest: <error> for a fixture failure, xfail as skipped, decoded &#10; in messages, captured output', () => {
    const r = fixture('pytest-9.xml');
    expect(statuses(r)).toEqual([
      ['tests.test_orders.test_total', 'passed'],
      ['tests.test_orders.test_discount', 'failed'],
      ['tests.test_orders.test_refund', 'skipped'],
      ['tests.test_orders.test_quantity[1]', 'passed'],
      ['tests.test_orders.test_quantity[2]', 'passed'],
      ['tests.test_orders.test_with_fixture_error', 'error'],
      ['tests.test_orders.test_rounding', 'skipped'],
    ]);
    const [total, discount, refund, , , fixtureError] = r.cases;
    expect(total?.output).toContain('computing total <with markup> & more');
    expect(discount?.message).toBe('AssertionError: discount applied\nassert 9 == 8\n +  where 9 = round((10 * 0.9))');
    expect(discount?.details).toContain('tests/test_orders.py:12: AssertionError');
    expect(refund?.message).toBe('needs the payments service');
    expect(fixtureError?.message).toBe('failed on setup with "RuntimeError: database not reachable"');
    expect(r.totals).toEqual({ tests: 7, passed: 3, failed: 1, skipped: 2, errors: 1 });
    expect(r.suites).toEqual([{ name: 'pytest', tests: 7, failures: 1, errors: 1, skipped: 2, timeMs: 59 }]);
  });

  it('maven surefire 3 (JUnit 5): bare <testsuite> root, CDATA output, failure/error types, @Disabled as skipped', () => {
    const r = fixture('surefire-3.2.5-jupiter.xml');
    expect(statuses(r)).toEqual([
      ['com.example.CalculatorTest.adds', 'passed'],
      ['com.example.CalculatorTest.subtracts', 'failed'],
      ['com.example.CalculatorTest.multiplies', 'skipped'],
      ['com.example.CalculatorTest.divides', 'error'],
    ]);
    const [adds, subtracts, multiplies, divides] = r.cases;
    expect(adds?.output).toBe('adding <1> & 1');
    expect(adds?.timeMs).toBe(25);
    expect(subtracts?.message).toBe('3 - 1 ==> expected: <1> but was: <2>');
    expect(subtracts?.type).toBe('org.opentest4j.AssertionFailedError');
    expect(multiplies?.message).toBe('not implemented');
    expect(divides).toMatchObject({ message: '/ by zero', type: 'java.lang.ArithmeticException' });
    expect(divides?.details).toMatch(
      /^java\.lang\.ArithmeticException: \/ by zero\n\tat com\.example\.CalculatorTest\.divides/,
    );
    expect(r.suites).toEqual([
      { name: 'com.example.CalculatorTest', tests: 4, failures: 1, errors: 1, skipped: 1, timeMs: 126 },
    ]);
  });

  it('legacy surefire without classname: ids fall back to suite/name; system-err is kept apart', () => {
    const r = fixture('surefire-legacy-no-classname.xml');
    expect(r.cases.map((c) => c.id)).toContain('com.shape.CircleTest/testRadius');
    const radius = r.cases.find((c) => c.name === 'testRadius');
    expect(radius).toMatchObject({
      status: 'failed',
      message: 'expected:<20> but was:<10>',
      output: '[OUT] : Getting the diameter',
      errorOutput: '[ERR] : Getting the Circumference',
    });
    expect(r.totals).toEqual({ tests: 8, passed: 6, failed: 1, skipped: 0, errors: 1 });
  });

  it('jest-junit: classname equal to name gives suite/name ids; a failure without message takes its first line', () => {
    const r = fixture('jest-junit.xml');
    expect(r.cases[1]).toMatchObject({
      id: 'Test 1/Test 1 Test 1.1 Failing test',
      status: 'failed',
      message: 'Error: expect(received).toBeTruthy()',
    });
    expect(r.cases[5]).toMatchObject({ status: 'skipped' });
    expect(r.cases[5]?.message).toBeUndefined();
    expect(r.totals).toEqual({ tests: 6, passed: 1, failed: 4, skipped: 1, errors: 0 });
    expect(r.suites.map((s) => [s.name, s.tests, s.timeMs])).toEqual([
      ['Test 1', 4, 487],
      ['undefined', 2, 89],
    ]);
  });

  it('go-junit-report: an empty package suite, CDATA messages and skips', () => {
    const r = fixture('go-junit-report.xml');
    expect(r.suites.map((s) => [s.name, s.tests])).toEqual([
      ['github.com/company/package1', 0],
      ['github.com/company/package2', 1],
      ['github.com/company/package3', 4],
    ]);
    expect(r.cases.find((c) => c.name === 'TestPackage3-1')).toMatchObject({
      status: 'failed',
      message: 'Failed',
      details: 'Just error here',
    });
    expect(r.cases.find((c) => c.name === 'TestPackage3-2')).toMatchObject({
      status: 'passed',
      output: 'Just system.out here',
      timeMs: 160,
    });
    expect(r.cases.find((c) => c.name === 'TestPackage3-3')).toMatchObject({ status: 'skipped', message: 'Skipped' });
    expect(r.totals).toEqual({ tests: 5, passed: 2, failed: 2, skipped: 1, errors: 0 });
  });
});

describe('parseJUnit details', () => {
  it('counts from the cases, not from the suite attributes that claim otherwise', () => {
    const r = parseJUnit(
      '<testsuite name="s" tests="99" failures="0"><testcase classname="c" name="a"><failure/></testcase></testsuite>',
      'x.xml',
    );
    expect(r.suites[0]).toMatchObject({ tests: 1, failures: 1 });
    expect(r.totals).toMatchObject({ tests: 1, failed: 1 });
  });

  it('an <error> outranks a <failure>, which outranks a <skipped>', () => {
    const r = parseJUnit(
      `<testsuites><testsuite name="s">
      <testcase classname="c" name="a"><skipped/><failure message="f"/><error message="e"/></testcase>
      <testcase classname="c" name="b"><skipped message="s"/><failure message="f"/></testcase>
    </testsuite></testsuites>`,
      'x.xml',
    );
    expect(r.cases.map((c) => [c.status, c.message])).toEqual([
      ['error', 'e'],
      ['failed', 'f'],
    ]);
  });

  it('qualifies ids that would repeat with the suite path, then numbers what still repeats', () => {
    const r = parseJUnit(
      `<testsuites>
      <testsuite name="a"><testcase classname="test" name="works"/></testsuite>
      <testsuite name="b"><testcase classname="test" name="works"/><testcase classname="test" name="works"/></testsuite>
      <testsuite name="b"><testcase classname="test" name="unique"/></testsuite>
    </testsuites>`,
      'x.xml',
    );
    expect(r.cases.map((c) => c.id)).toEqual(['a/test.works', 'b/test.works', 'b/test.works #2', 'test.unique']);
  });

  it('reads times in seconds, including thousands separators, and treats unreadable times as 0', () => {
    const r = parseJUnit(
      `<testsuite name="s">
      <testcase name="a" time="1.5"/><testcase name="b" time="1,234.5"/><testcase name="c" time="n/a"/><testcase name="d"/>
    </testsuite>`,
      'x.xml',
    );
    expect(r.cases.map((c) => c.timeMs)).toEqual([1500, 1_234_500, 0, 0]);
    expect(r.suites[0]?.timeMs).toBe(1_236_000);
  });

  it('keeps names as text: a test called "1.10" stays "1.10"', () => {
    const r = parseJUnit('<testsuite name="2.0"><testcase classname="v" name="1.10"/></testsuite>', 'x.xml');
    expect(r.cases[0]).toMatchObject({ id: 'v.1.10', name: '1.10', suite: '2.0' });
  });

  it('accepts a byte order mark and an XML declaration before the root', () => {
    const r = parseJUnit('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<testsuites/>', 'x.xml');
    expect(r).toEqual({
      file: 'x.xml',
      suites: [],
      cases: [],
      totals: { tests: 0, passed: 0, failed: 0, skipped: 0, errors: 0 },
    });
  });
});
