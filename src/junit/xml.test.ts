// What is not JUnit XML: each case must be JUNIT_MALFORMED (exit 4) naming the file and line:col.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { parseJUnit } from './junit.js';

/** The TarmacError parseJUnit throws for `xml`. */
function failure(xml: string, file = 'results/junit.xml'): TarmacError {
  try {
    parseJUnit(xml, file);
  } catch (error) {
    if (error instanceof TarmacError) return error;
    throw error;
  }
  throw new Error('parseJUnit accepted the document');
}

describe('parseJUnit on what is not JUnit XML', () => {
  it("a mismatched closing tag: the validator's line:col and message, the line with a caret", () => {
    const err = failure('<testsuites>\n  <testsuite name="a"></testcase>\n</testsuites>');
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe(
      "results/junit.xml:2:23: not well-formed XML: Expected closing tag 'testsuite' (opened in line 2, col 3) instead of closing tag 'testcase'.",
    );
    expect(err.hint).toBe('the test command wrote something that is not JUnit XML');
    expect(err.details).toEqual(['  <testsuite name="a"></testcase>', `${' '.repeat(22)}^`]);
  });

  it('a file cut off mid-write: says so, at the end of the file, naming the unclosed elements', () => {
    const err = failure('<?xml version="1.0"?>\n<testsuites>\n  <testsuite name="a">\n    <testcase name="x">');
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.message).toMatch(
      /^results\/junit\.xml:4:24: the document ends before <testcase> is closed \(unclosed: <testsuites> <testsuite> <testcase>\)/,
    );
  });

  it('plain text (a stack trace written instead of XML)', () => {
    const err = failure("Error: Cannot find module 'jest-junit'\n    at Module._resolveFilename");
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.message).toMatch(/^results\/junit\.xml:1:1: not well-formed XML: /);
    expect(err.details[0]).toBe("Error: Cannot find module 'jest-junit'");
  });

  it('an empty file', () => {
    expect(failure('  \n').message).toBe('results/junit.xml:1:1: the file is empty');
  });

  it('well-formed XML that is not JUnit: names the root element and where it is', () => {
    const err = failure('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>');
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.message).toBe(
      'results/junit.xml:3:1: not JUnit XML: the root element is <html>, expected <testsuites> or <testsuite>',
    );
  });

  it('two root elements (two reports appended to one file)', () => {
    const err = failure('<testsuite name="a"/>\n<testsuite name="b"/>');
    expect(err.message).toBe('results/junit.xml:2:1: more than one root element');
  });

  it('shows the part of a long one-line document around the error', () => {
    const xml = `<testsuites>${'<testsuite name="x"></testsuite>'.repeat(20)}<oops></testsuites>`;
    const err = failure(xml);
    expect(err.message).toMatch(/^results\/junit\.xml:1:\d+: not well-formed XML/);
    const [line, caret] = err.details;
    expect(line?.startsWith('…')).toBe(true);
    expect(line?.length).toBeLessThanOrEqual(162);
    // The caret stands under the column the message names.
    const col = Number(/:1:(\d+):/.exec(err.message)?.[1]);
    expect(line?.[caret?.indexOf('^') ?? -1]).toBe(xml[col - 1]);
  });
});
