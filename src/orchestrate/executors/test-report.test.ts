import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpec } from '../../config/types.js';
import { EventBus } from '../../events/bus.js';
import type { TarmacEvent } from '../../events/types.js';
import type { JUnitReport } from '../../junit/types.js';
import { reportTests, testInputs } from './test-report.js';

describe('testInputs', () => {
  it('depends on the command and the image refs, not on their order', () => {
    const a = testInputs(['node', 'suite.mjs'], { db: 'localhost/db:tm-1', api: 'localhost/api:tm-2' });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(testInputs(['node', 'suite.mjs'], { api: 'localhost/api:tm-2', db: 'localhost/db:tm-1' })).toBe(a);
    expect(testInputs(['node', 'suite.mjs'], { db: 'localhost/db:tm-1', api: 'localhost/api:tm-3' })).not.toBe(a);
    expect(testInputs(['node', 'other.mjs'], { db: 'localhost/db:tm-1', api: 'localhost/api:tm-2' })).not.toBe(a);
  });
});

describe('reportTests', () => {
  it('emits tests.reported with every case and copies the JUnit file, redacted, into the run dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarmac-test-report-'));
    const junit = join(dir, 'results.xml');
    writeFileSync(
      junit,
      '<testsuites><testcase name="login" classname="s"><failure message="token hunter2secret rejected"/></testcase></testsuites>',
    );
    const bus = new EventBus('run-1');
    const seen: TarmacEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    const report: JUnitReport = {
      file: junit,
      suites: [],
      totals: { tests: 2, passed: 1, failed: 1, skipped: 0, errors: 0 },
      cases: [
        { id: 's.ok', suite: 's', classname: 's', name: 'ok', status: 'passed', timeMs: 5 },
        {
          id: 's.login',
          suite: 's',
          classname: 's',
          name: 'login',
          status: 'failed',
          timeMs: 7,
          message: 'rejected',
          details: 'stack',
        },
      ],
    };
    const test: TestSpec = { command: ['node', 'suite.mjs'], env: {}, junit, timeoutMs: 1000, cwd: dir };
    const images = { api: 'localhost/api:tm-2' };
    reportTests({ bus, runDir: dir, images, redact: (t) => t.replaceAll('hunter2secret', '***') }, 'test', test, {
      exitCode: 1,
      durationMs: 9,
      report,
      passed: false,
      summary: '1 passed, 1 failed',
    });
    expect(seen).toEqual([
      expect.objectContaining({
        type: 'tests.reported',
        stepId: 'test',
        runId: 'run-1',
        inputs: testInputs(test.command, images),
        exitCode: 1,
        totals: report.totals,
        cases: [
          { id: 's.ok', status: 'passed', timeMs: 5 },
          { id: 's.login', status: 'failed', timeMs: 7, message: 'rejected' },
        ],
      }),
    ]);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toBe(
      '<testsuites><testcase name="login" classname="s"><failure message="token *** rejected"/></testcase></testsuites>',
    );
  });

  it('reports nothing without JUnit XML (there are no cases)', () => {
    const bus = new EventBus('run-2');
    const seen: TarmacEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    reportTests(
      { bus, runDir: tmpdir(), images: {}, redact: (t) => t },
      'test',
      { command: ['true'], env: {}, timeoutMs: 1, cwd: tmpdir() },
      { exitCode: 0, durationMs: 1, passed: true, summary: 'ok' },
    );
    expect(seen).toEqual([]);
  });
});
