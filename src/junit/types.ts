// The parsed model of a JUnit XML report: what the test step, history (per-test results) and
// `tarmac junit merge` (sharding) share. Plain data, so it can be stored and merged as it is.

/** How one test case ended. `error` is JUnit's "could not run properly" (setup, crash), distinct from an assertion `failed`. */
export type JUnitStatus = 'passed' | 'failed' | 'error' | 'skipped';

/** One <testcase>. */
export interface JUnitCase {
  /** Stable key for history: `<classname>.<name>`, else `<suite>/<name>`; qualified further only when it would repeat. */
  id: string;
  /** Path of the enclosing <testsuite> names joined by "/" (nested suites), "" for a case directly under <testsuites>. */
  suite: string;
  classname: string;
  name: string;
  status: JUnitStatus;
  timeMs: number;
  /** The message attribute of the <failure>/<error>/<skipped> element, else the first line of its text. */
  message?: string;
  /** The type attribute of the <failure>/<error> element, e.g. `java.lang.ArithmeticException`. */
  type?: string;
  /** The text of the <failure>/<error>/<skipped> element: usually the stack trace. */
  details?: string;
  /** <system-out> of the case. */
  output?: string;
  /** <system-err> of the case. */
  errorOutput?: string;
  /** The file attribute (pytest, jest-junit with `addFileAttribute`). */
  file?: string;
}

/** One <testsuite>; counts are of its own cases (not nested suites'), counted from the cases, not from its attributes. */
export interface JUnitSuite {
  /** Path of names like JUnitCase.suite. */
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  /** The suite's time attribute, else the sum of its cases' times. */
  timeMs: number;
}

/** Counts over every case of the report. */
export interface JUnitTotals {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

/** A parsed JUnit XML file. */
export interface JUnitReport {
  /** The file as named to the parser (for messages). */
  file: string;
  suites: JUnitSuite[];
  /** Every case, in document order. */
  cases: JUnitCase[];
  totals: JUnitTotals;
}
