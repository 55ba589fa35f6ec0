import { describe, expect, it } from 'vitest';
import { inputOf, journal, recordedRun, runOf } from '../triage.test-kit.js';
import { buildFailed } from './build-failed.js';
import { testHarnessError } from './test-harness-error.js';
import { testsFailed } from './tests-failed.js';

describe('build-failed', () => {
  it('calls a failing RUN instruction a Containerfile error (real journal)', () => {
    const m = buildFailed.match(inputOf(recordedRun('build-failed')))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(
      /^Image broken failed to build: at STEP .*RUN .*does-not-exist.* not the infrastructure\.$/,
    );
    expect(m.actions[1]).toBe('tarmac build --only broken   # after fixing the Containerfile');
  });
  it("near miss: a build that died of a full disk is not the Containerfile's fault", () => {
    const run = runOf(
      journal([
        {
          id: 'build:api',
          error: {
            code: 'BUILD_FAILED',
            message: 'image api failed to build at STEP 2/3: COPY big.bin /big.bin (exited 125)',
            tail: [
              'writing blob: adding layer with blob "sha256:9d1b": processing tar file(write /big.bin: no space left on device): exit status 1',
            ],
          },
        },
      ]),
    );
    expect(buildFailed.match(inputOf(run))!.confidence).toBeLessThan(0.5);
  });
  it("near miss: storage changed under the build (`layer not known` on a LABEL) is not the Containerfile's fault", () => {
    const run = runOf(
      journal([
        {
          id: 'build:app',
          error: {
            code: 'BUILD_FAILED',
            message: 'image app failed to build at STEP 2/7: LABEL nonce=x (exited 125)',
            tail: [
              'Error: checking if cached image exists from a previous build: getting top layer info: layer not known',
            ],
          },
        },
      ]),
    );
    expect(buildFailed.match(inputOf(run))!.confidence).toBeLessThan(0.5);
  });
});

describe('tests-failed', () => {
  const run = (extra = {}) =>
    runOf(
      journal(
        [
          { id: 'build:api' },
          { id: 'cluster' },
          { id: 'deploy:apps' },
          { id: 'test', error: { code: 'TESTS_FAILED', message: 'tests failed: 1 of 3 cases failed' } },
        ],
        {
          tests: {
            tests: 3,
            passed: 2,
            failed: 1,
            skipped: 0,
            errors: 0,
            cases: [{ id: 'suite.api returns 200', status: 'failed', message: 'expected 200, got 500' }],
          },
          ...extra,
        },
      ),
    );
  it('is the verdict when everything before the tests succeeded', () => {
    const m = testsFailed.match(inputOf(run()))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/^The tests failed: 1 of 3 cases; every infrastructure step before them succeeded/);
    expect(m.evidence).toContain('junit: suite.api returns 200: failed — expected 200, got 500');
  });
  it('near miss: an engine crash during the run makes it less sure', () => {
    const m = testsFailed.match(
      inputOf(
        run({
          incidents: [
            { kind: 'engine-crash', message: 'the engine crashed at 20:44:34: server probably quit: unexpected EOF' },
          ],
        }),
      ),
    )!;
    expect(m.confidence).toBeLessThan(0.85);
  });
  it('does not match a run whose tests never ran', () => {
    expect(testsFailed.match(inputOf(recordedRun('build-failed')))).toBeUndefined();
  });
  it("says to run the tests again with `tarmac test`, or with --suite when they were a suite's", () => {
    expect(testsFailed.match(inputOf(run()))!.actions[0]).toMatch(/^tarmac test {3}#/);
    const suiteRun = runOf(
      journal([
        { id: 'cluster:fleet/hub' },
        { id: 'test:fleet', error: { code: 'TESTS_FAILED', message: 'tests failed: 1 of 3 cases failed' } },
      ]),
    );
    expect(testsFailed.match(inputOf(suiteRun))!.actions[0]).toMatch(/^tarmac test --suite fleet {3}#/);
  });
});

describe('test-harness-error', () => {
  it('matches a missing JUnit file (real journal)', () => {
    const m = testHarnessError.match(inputOf(recordedRun('junit-missing')))!;
    expect(m.summary).toBe('The test step could not report its results: JUnit XML e2e-results.xml does not exist.');
  });
  it("names the suite in the command that runs a suite's test again", () => {
    const run = runOf(
      journal([{ id: 'test:storage', error: { code: 'TEST_TIMEOUT', message: 'no answer within 5m' } }]),
    );
    expect(testHarnessError.match(inputOf(run))!.actions).toContain(
      'tarmac test --suite storage   # runs only the test step against the live env',
    );
  });
  it('near miss: tests that ran and failed', () => {
    const run = runOf(
      journal([{ id: 'test', error: { code: 'TESTS_FAILED', message: 'tests failed: 1 of 3 cases failed' } }], {
        tests: { tests: 3, passed: 2, failed: 1, skipped: 0, errors: 0 },
      }),
    );
    expect(testHarnessError.match(inputOf(run))).toBeUndefined();
  });
});
