// runTestSuite against tiny real suites (test/fixtures/test-suite/*.mjs) run through the real CommandRunner.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../errors/errors.js';
import { runCommand } from '../../exec/run-command.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import type { TestSpec } from '../../config/types.js';
import { runTestSuite, type RunTestSuiteOptions } from './test-suite.js';
import { rejection } from '../../engines/engine.test-kit.js';

const fixtures = new URL('../../../test/fixtures/test-suite/', import.meta.url).pathname;
const PASSING_JUNIT = '<testsuite name="old"><testcase classname="old" name="passed last time"/></testsuite>';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A config dir with the suite running in it and its JUnit file at results.xml. */
function project(): { dir: string; junit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'test-suite-'));
  made.push(dir);
  return { dir, junit: join(dir, 'results.xml') };
}

/** Runs `node <fixture> ...args` in a fresh project; `junit: false` leaves test.junit unset. */
async function suite(
  fixtureArgs: string[],
  o: {
    junit?: boolean;
    timeoutMs?: number;
    env?: Record<string, string>;
    testEnv?: Record<string, string>;
    before?: (p: { dir: string; junit: string }) => void;
    signal?: AbortSignal;
  } = {},
) {
  const p = project();
  o.before?.(p);
  const test: TestSpec = {
    command: ['node', join(fixtures, fixtureArgs[0] ?? ''), ...fixtureArgs.slice(1)],
    env: { JUNIT_FILE: 'results.xml', ...o.testEnv },
    ...(o.junit === false ? {} : { junit: p.junit }),
    timeoutMs: o.timeoutMs ?? 30_000,
    cwd: p.dir,
  };
  const lines: string[] = [];
  const options: RunTestSuiteOptions = {
    test,
    runner: runCommand,
    env: o.env ?? {},
    output: (l) => lines.push(l),
    configDir: p.dir,
    stateDir: join(p.dir, '.tarmac'),
    ...(o.signal ? { signal: o.signal } : {}),
  };
  return { p, lines, outcome: runTestSuite(options) };
}

describe('runTestSuite', () => {
  it('a passing suite: streams its output, ingests its JUnit XML, passes', async () => {
    const { lines, outcome } = await suite(['write-junit.mjs', '2', '0', '1', '0']);
    const o = await outcome;
    expect(o).toMatchObject({ exitCode: 0, passed: true, summary: '2 passed, 0 failed, 1 skipped' });
    expect(o.report?.cases.map((c) => [c.id, c.status])).toEqual([
      ['fixture.passes 1', 'passed'],
      ['fixture.passes 2', 'passed'],
      ['fixture.skipped 1', 'skipped'],
    ]);
    expect(lines).toEqual(expect.arrayContaining(['case: passes 1', 'case: skipped 1', '2 passed, 0 failed']));
    expect(o.durationMs).toBeGreaterThan(0);
  });

  it('a failing suite is an outcome, not an exception: passed=false with the failing cases', async () => {
    const o = await (await suite(['write-junit.mjs', '1', '2', '0', '1'])).outcome;
    expect(o).toMatchObject({ exitCode: 1, passed: false, summary: '1 passed, 2 failed, 0 skipped' });
    expect(o.report?.cases.filter((c) => c.status === 'failed').map((c) => c.message)).toEqual([
      'expected 1, got 2',
      'expected 1, got 3',
    ]);
  });

  it('a non-zero exit with a clean JUnit XML still fails, and says the two disagree', async () => {
    const o = await (await suite(['write-junit.mjs', '3', '0', '0', '3'])).outcome;
    expect(o).toMatchObject({ exitCode: 3, passed: false });
    expect(o.summary).toBe(
      'the test command exited 3 though the JUnit XML shows no failure (3 passed, 0 failed, 0 skipped)',
    );
  });

  it('exit 0 with failing cases in the JUnit XML fails', async () => {
    const o = await (await suite(['write-junit.mjs', '1', '1', '0', '0'])).outcome;
    expect(o).toMatchObject({ exitCode: 0, passed: false });
    expect(o.summary).toMatch(
      /^1 passed, 1 failed, 0 skipped \(the test command exited 0 though the JUnit XML shows failures\)$/,
    );
  });

  it('without test.junit the exit code decides', async () => {
    const failed = await (await suite(['exit.mjs', '1'], { junit: false })).outcome;
    expect(failed).toMatchObject({ exitCode: 1, passed: false, summary: 'the test command exited 1' });
    expect(failed.report).toBeUndefined();
    const ok = await (await suite(['exit.mjs', '0'], { junit: false })).outcome;
    expect(ok).toMatchObject({ exitCode: 0, passed: true });
  });

  it('a command that exits 1 without writing the configured JUnit file: JUNIT_MISSING with its exit and output', async () => {
    const { outcome } = await suite(['exit.mjs', '1']);
    const err = await rejection(outcome);
    expect(err.code).toBe('JUNIT_MISSING');
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe('JUnit XML results.xml does not exist');
    expect(err.hint).toBe('check test.junit matches where the command writes it (the command ran in .)');
    expect(err.details.join('\n')).toMatch(/exited 1; its last output lines:\n {2}suite crashed before any test ran/);
  });

  it("clears the suite's JUnit file of an earlier run before running, so an old file can never pass", async () => {
    const p = project();
    const stateDir = join(p.dir, '.tarmac');
    const run = (args: string[]) =>
      runTestSuite({
        test: {
          command: ['node', join(fixtures, args[0] ?? ''), ...args.slice(1)],
          env: { JUNIT_FILE: 'results.xml' },
          junit: p.junit,
          timeoutMs: 30_000,
          cwd: p.dir,
        },
        runner: runCommand,
        env: {},
        output: () => {},
        configDir: p.dir,
        stateDir,
      });
    expect((await run(['write-junit.mjs', '1', '0', '0', '0'])).passed).toBe(true);
    const err = await rejection(run(['exit.mjs', '0']));
    expect(err.code).toBe('JUNIT_MISSING');
    expect(existsSync(p.junit)).toBe(false);
  });

  it('never deletes a JUnit file tarmac has no record of the suite writing, and never lets it pass', async () => {
    const { p, outcome } = await suite(['exit.mjs', '0'], {
      before: ({ junit }) => writeFileSync(junit, PASSING_JUNIT),
    });
    const err = await rejection(outcome);
    expect(err.code).toBe('JUNIT_MISSING');
    expect(err.message).toBe(
      'JUnit XML results.xml was not written by this run (it is an older file, which tarmac leaves alone: it has no record of writing it)',
    );
    expect(readFileSync(p.junit, 'utf8')).toBe(PASSING_JUNIT);
  });

  it('reads a JUnit file the suite rewrote even when tarmac had no record of the older one', async () => {
    const { outcome } = await suite(['write-junit.mjs', '1', '0', '0', '0'], {
      before: ({ junit }) => writeFileSync(junit, PASSING_JUNIT),
    });
    expect(await outcome).toMatchObject({ passed: true, summary: '1 passed, 0 failed, 0 skipped' });
  });

  it('a malformed JUnit file: JUNIT_MALFORMED naming the file and line:col', async () => {
    const err = await rejection((await suite(['malformed.mjs'])).outcome);
    expect(err.code).toBe('JUNIT_MALFORMED');
    expect(err.message).toMatch(/^results\.xml:4:\d+: the document ends before <testcase> is closed/);
    expect(err.hint).toBe('the test command wrote something that is not JUnit XML');
  });

  it('a command that does not exist: TEST_COMMAND_NOT_FOUND (exit 2) naming it, the cwd and PATH', async () => {
    const p = project();
    const test: TestSpec = {
      command: ['tarmac-no-such-test-runner', 'run'],
      env: {},
      junit: p.junit,
      timeoutMs: 10_000,
      cwd: join(p.dir),
    };
    const err = await rejection(
      runTestSuite({
        test,
        runner: runCommand,
        env: { PATH: '/usr/bin:/bin' },
        output: () => {},
        configDir: p.dir,
        stateDir: join(p.dir, '.tarmac'),
      }),
    );
    expect(err.code).toBe('TEST_COMMAND_NOT_FOUND');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      'the test command tarmac-no-such-test-runner could not start in .: tarmac-no-such-test-runner not found',
    );
    expect(err.hint).toBe(
      'install tarmac-no-such-test-runner or fix test.command in tarmac.yaml (a bare name is looked up on PATH; PATH=/usr/bin:/bin)',
    );
  });

  it('a working directory that does not exist: TEST_CWD_MISSING', async () => {
    const p = project();
    const test: TestSpec = { command: ['node', '-e', '0'], env: {}, timeoutMs: 10_000, cwd: join(p.dir, 'e2e') };
    const err = await rejection(
      runTestSuite({
        test,
        runner: runCommand,
        env: {},
        output: () => {},
        configDir: p.dir,
        stateDir: join(p.dir, '.tarmac'),
      }),
    );
    expect(err.code).toBe('TEST_CWD_MISSING');
    expect(err.message).toBe("the test command's working directory e2e does not exist");
  });

  it('a suite that hangs is stopped by test.timeoutMs: TEST_TIMEOUT with its last output', async () => {
    const started = Date.now();
    const err = await rejection((await suite(['hang.mjs'], { timeoutMs: 1_000 })).outcome);
    expect(err.code).toBe('TEST_TIMEOUT');
    expect(err.exitCode).toBe(4);
    expect(err.message).toMatch(/^the test suite did not finish: `node .*hang\.mjs` timed out after 1\.0s$/);
    expect(err.details).toContain('waiting for the service to answer');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('cancelling the signal stops the suite with a CancelledError', async () => {
    const controller = new AbortController();
    const { lines, outcome } = await suite(['hang.mjs'], { signal: controller.signal });
    // Abort once the suite is demonstrably running, not after a guessed delay.
    while (!lines.includes('waiting for the service to answer')) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
  });

  it("gives the command tarmac's env (KUBECONFIG, endpoints) with test.env overriding it", async () => {
    const env = { KUBECONFIG: '/state/kubeconfig', TARMAC_SERVICE_API: 'http://127.0.0.1:1234', FOO: 'from-tarmac' };
    const { lines, outcome } = await suite(['print-env.mjs', 'KUBECONFIG', 'TARMAC_SERVICE_API', 'FOO'], {
      junit: false,
      env,
      testEnv: { FOO: 'from-test-env' },
    });
    await outcome;
    expect(lines).toEqual([
      'KUBECONFIG=/state/kubeconfig',
      'TARMAC_SERVICE_API=http://127.0.0.1:1234',
      'FOO=from-test-env',
    ]);
  });

  it('a command killed by a signal reports 128+n as its exit code and fails', async () => {
    const p = project();
    const runner = fakeRunner(() => ({ exitCode: undefined, signal: 'SIGKILL', stderr: 'Killed' }));
    const test: TestSpec = { command: ['node', 'suite.mjs'], env: {}, timeoutMs: 10_000, cwd: p.dir };
    const o = await runTestSuite({
      test,
      runner,
      env: {},
      output: () => {},
      configDir: p.dir,
      stateDir: join(p.dir, '.tarmac'),
    });
    expect(o).toMatchObject({ exitCode: 137, passed: false });
    expect(runner.calls[0]).toMatchObject({
      cmd: 'node',
      args: ['suite.mjs'],
      options: { cwd: p.dir, timeoutMs: 10_000 },
    });
  });
});
