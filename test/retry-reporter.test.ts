// The retry reporter shows what a retried test's failed attempt said (test/support/retry-reporter.ts).
import { describe, expect, it } from 'vitest';
import type { RunnerTask } from 'vitest';
import { retriedLines } from './support/retry-reporter.js';

// The parts of vitest's task tree the reporter reads, shaped as vitest fills them after a run.
const test = (name: string, result: object): RunnerTask => ({ name, type: 'test', result }) as unknown as RunnerTask;
const file = (name: string, tasks: RunnerTask[]): RunnerTask =>
  ({ name, type: 'suite', tasks }) as unknown as RunnerTask;

describe('retriedLines', () => {
  it('names a test that passed on its retry and quotes the failed attempt', () => {
    const tree = file('test/e2e/x.test.ts', [
      test('steady', { state: 'pass', retryCount: 0 }),
      test('flaky', {
        state: 'pass',
        retryCount: 1,
        errors: [{ message: 'expected 1 to be 2', stack: 'AssertionError: expected 1 to be 2\n    at x.test.ts:3:5' }],
      }),
    ]);
    const lines = retriedLines(tree);
    expect(lines[0]).toBe('[retried] test/e2e/x.test.ts > flaky: passed on attempt 2; the failed attempts:');
    expect(lines.join('\n')).toContain('AssertionError: expected 1 to be 2');
    expect(lines.join('\n')).not.toContain('steady');
  });

  it('says nothing of a test that failed on every attempt (the default reporter shows it) or never retried', () => {
    const tree = file('f', [
      test('failed twice', { state: 'fail', retryCount: 1, errors: [{ message: 'boom' }] }),
      test('fine', { state: 'pass' }),
    ]);
    expect(retriedLines(tree)).toEqual([]);
  });
});
