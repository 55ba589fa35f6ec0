// What the test step tells history and reports: a `tests.reported` event with every JUnit case and a
// fingerprint of what was tested, and a redacted copy of the JUnit file in the run directory.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE } from '../../files/private.js';
import type { Env, TestSpec } from '../../config/types.js';
import type { EventBus } from '../../events/bus.js';
import type { StepId } from '../../plan/types.js';
import { junitCopyFile, runDir } from '../../journal/run-dir.js';
import { secretValues } from '../../redact/env-secrets.js';
import { makeRedactor, type Redactor } from '../../redact/redactor.js';
import type { TestOutcome } from './test-suite.js';

/** Where the test step reports to, and what it tests. */
export interface TestReporting {
  bus: EventBus;
  /** The run directory (`<stateDir>/runs/<runId>`): the JUnit copy goes to `junit.xml` there. */
  runDir: string;
  /** Logical image name -> reference deployed in the env under test. */
  images: Readonly<Record<string, string>>;
  /** The JUnit copy did not come through the bus, so it is masked here. */
  redact: Redactor;
  /** Put before every case id (a suite's `<suite>/`), so suites running the same tests stay apart in history. */
  caseIdPrefix?: string;
}

/** The reporting of one run: its bus and run dir, the deployed images, a redactor for the env's secrets. */
export function testReporting(
  env: Env,
  bus: EventBus,
  images: Readonly<Record<string, string>>,
  processEnv: Record<string, string | undefined>,
): TestReporting {
  return { bus, runDir: runDir(env.stateDir, bus.runId), images, redact: makeRedactor(secretValues(env, processEnv)) };
}

/**
 * A short fingerprint of what a test run tested: the test command and the image references under test.
 * Content-addressed refs make "same inputs" mean the same image contents; flaky = different results on one fingerprint.
 */
export function testInputs(command: readonly string[], images: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(images).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify({ command, images: sorted }))
    .digest('hex')
    .slice(0, 16);
}

/** Emits `tests.reported` for a suite that produced JUnit XML and copies the file into the run dir; without JUnit there are no cases to report. */
export function reportTests(r: TestReporting, stepId: StepId, test: TestSpec, outcome: TestOutcome): void {
  const report = outcome.report;
  if (!report) return;
  r.bus.emit({
    type: 'tests.reported',
    stepId,
    inputs: testInputs(test.command, r.images),
    exitCode: outcome.exitCode,
    totals: report.totals,
    cases: report.cases.map((c) => ({
      id: `${r.caseIdPrefix ?? ''}${c.id}`,
      status: c.status,
      timeMs: c.timeMs,
      ...(c.message === undefined ? {} : { message: c.message }),
    })),
  });
  if (test.junit === undefined) return;
  try {
    writeFileSync(junitCopyFile(r.runDir), r.redact(readFileSync(test.junit, 'utf8')), { mode: PRIVATE_FILE_MODE });
  } catch (error) {
    // The results are in the event already; a missing copy only costs reports the raw file.
    r.bus.emit({
      type: 'decision',
      message: `could not copy the JUnit XML into the run directory: ${(error as Error).message}`,
    });
  }
}
