import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import type { StepState } from '../events/types.js';
import { parseJUnit } from '../junit/junit.js';
import { planSuites } from '../plan/suites-plan.js';
import { suitesEnv } from '../plan/suites.test-kit.js';
import type { TestOutcome } from './executors/test-suite.js';
import { suiteResults, writeMergedJUnit } from './suite-results.js';

const env = suitesEnv(
  ['api'],
  [
    { name: 'a', images: ['api'] },
    { name: 'b', images: ['api'] },
    { name: 'c', images: ['api'] },
  ],
);
const { plan, suites } = planSuites(env, {
  suites: ['a', 'b', 'c'],
  target: 'podman',
  cachedImages: new Set(),
  withTest: true,
});

const outcome = (name: string, passed: boolean): TestOutcome => ({
  exitCode: passed ? 0 : 1,
  durationMs: 10,
  passed,
  summary: passed ? '1 passed' : '1 failed',
  report: parseJUnit(
    `<testsuites><testsuite name="e2e"><testcase classname="e2e" name="works">${passed ? '' : '<failure message="no"/>'}</testcase></testsuite></testsuites>`,
    `${name}.xml`,
  ),
});

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('suite results', () => {
  it('tells each suite apart: passed, failed tests, failed setup', () => {
    const states = new Map<string, StepState>(plan.steps.map((s) => [s.id, 'succeeded']));
    states.set('test:b', 'failed');
    states.set('deploy:c/main/app', 'failed');
    states.set('test:c', 'skipped');
    const errors = new Map([
      ['test:b', new TarmacError('TESTS_FAILED', 'tests failed: 1 failed')],
      ['deploy:c/main/app', new TarmacError('DEPLOY_TIMEOUT', 'app not ready')],
    ]);
    const outcomes = new Map([
      ['a', outcome('a', true)],
      ['b', outcome('b', false)],
    ]);
    const results = suiteResults(
      suites,
      plan,
      { outcome: 'failed', states, errors, durationMs: 1 },
      outcomes,
      '/runs/1',
    );
    expect(results.map((r) => [r.name, r.setup, r.outcome, r.failure?.stepId])).toEqual([
      ['a', 'ready', 'passed', undefined],
      ['b', 'ready', 'failed', 'test:b'],
      ['c', 'failed', 'failed', 'deploy:c/main/app'],
    ]);
    expect(results[2]!.dir).toBe('/runs/1/suites/c');
  });

  it('merges the suites JUnit with each case under its suite, so the same test in two suites stays two', () => {
    dir = mkdtempSync(join(tmpdir(), 'tarmac-suite-results-'));
    const states = new Map<string, StepState>(plan.steps.map((s) => [s.id, 'succeeded']));
    const outcomes = new Map([
      ['a', outcome('a', true)],
      ['b', outcome('b', false)],
    ]);
    const results = suiteResults(
      suites,
      plan,
      { outcome: 'failed', states, errors: new Map(), durationMs: 1 },
      outcomes,
      dir,
    );
    const file = writeMergedJUnit(results, dir)!;
    const merged = parseJUnit(readFileSync(file, 'utf8'), file);
    expect(merged.cases.map((c) => [c.suite, c.status])).toEqual([
      ['a/e2e', 'passed'],
      ['b/e2e', 'failed'],
    ]);
    expect(merged.totals).toMatchObject({ tests: 2, passed: 1, failed: 1 });
  });

  it('writes no merged file when no suite reported cases', () => {
    dir = mkdtempSync(join(tmpdir(), 'tarmac-suite-results-'));
    const states = new Map<string, StepState>(plan.steps.map((s) => [s.id, 'succeeded']));
    const results = suiteResults(
      suites,
      plan,
      { outcome: 'succeeded', states, errors: new Map(), durationMs: 1 },
      new Map(),
      dir,
    );
    expect(writeMergedJUnit(results, dir)).toBeUndefined();
  });
});
