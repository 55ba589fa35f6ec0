import Database from 'better-sqlite3';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recentRuns, testResults } from './query.js';
import { openRecorder } from './recorder.js';
import { SCHEMA_VERSION } from './schema.js';
import { openHistory } from './store.js';
import { stamp, tempHistoryPath, upRun } from './history.test-kit.js';
import { journalLine } from '../journal/line.js';

const T0 = 1_700_000_000_000;

function record(path: string, events: ReturnType<typeof upRun>, dir?: string): string[] {
  const warnings: string[] = [];
  const rec = openRecorder({
    path,
    env: 'shop',
    ...(dir ? { dir } : {}),
    label: 'cap2',
    warn: (m) => warnings.push(m),
  });
  for (const e of events) rec.listener(e);
  rec.close();
  return warnings;
}

describe('history recorder (from a recorded event stream)', () => {
  it('writes the run, its steps with queue waits, setup time, incidents and test results', () => {
    const path = tempHistoryPath();
    expect(record(path, upRun('r1', T0, { crash: true, testFails: true }))).toEqual([]);
    const db = openHistory(path);
    const [run] = recentRuns(db, 'shop');
    expect(run).toMatchObject({
      id: 'r1',
      command: 'up',
      capacity: 2,
      label: 'cap2',
      started: T0,
      finished: T0 + 13_100,
      outcome: 'failed',
      durationMs: 13_000,
      // The test step started at +11.1 s; the run's first event (a decision) was at +0.
      setupMs: 11_100,
      abandoned: false,
      testStarted: true,
      tests: { tests: 2, passed: 1, failed: 1, skipped: 0, errors: 0 },
      incidents: ['engine-crash'],
      // cluster cached; build:a and build:b did work.
      cacheHits: 1,
      cacheLookups: 3,
    });
    const steps = db
      .prepare('SELECT step_id, state, attempts, duration_ms, queue_ms, cached, weight FROM steps ORDER BY step_id')
      .all();
    expect(steps).toEqual([
      { step_id: 'build:a', state: 'succeeded', attempts: 1, duration_ms: 4_000, queue_ms: 0, cached: 0, weight: 1 },
      // Ready at run.started (+0.1 s), started once build:a gave its unit back (+4.1 s).
      {
        step_id: 'build:b',
        state: 'succeeded',
        attempts: 1,
        duration_ms: 6_000,
        queue_ms: 4_000,
        cached: 0,
        weight: 2,
      },
      { step_id: 'cluster', state: 'cached', attempts: 1, duration_ms: 200, queue_ms: 0, cached: 1, weight: 0 },
      { step_id: 'deploy:app', state: 'succeeded', attempts: 1, duration_ms: 1_000, queue_ms: 0, cached: 0, weight: 0 },
      { step_id: 'test', state: 'failed', attempts: 1, duration_ms: 2_000, queue_ms: 0, cached: 0, weight: 0 },
    ]);
    expect(testResults(db, 'shop')).toEqual([
      { runId: 'r1', testId: 'suite.one', status: 'passed', inputs: 'in-1' },
      { runId: 'r1', testId: 'suite.two', status: 'failed', inputs: 'in-1' },
    ]);
    db.close();
  });

  it('a killed run stays readable, and is marked abandoned from its journal once reconcile finished it', () => {
    const path = tempHistoryPath();
    const runDir = join(dirname(path), 'runs', 'r2');
    mkdirSync(runDir, { recursive: true });
    // The tarmac died right after build:b started: the journal and the history both stop there.
    const all = upRun('r2', T0);
    const upTo = all.findIndex((e) => e.type === 'step.started' && e.stepId === 'build:b') + 1;
    const before = all.slice(0, upTo);
    writeFileSync(
      join(runDir, 'events.jsonl'),
      before
        .filter((e) => e.type !== 'step.output')
        .map(journalLine)
        .join(''),
    );
    record(path, before, runDir);
    let db = openHistory(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(recentRuns(db, 'shop')[0]).toMatchObject({ id: 'r2', outcome: null, finished: null, abandoned: false });
    db.close();

    // What src/reconcile/abandon.ts appends for the dead run.
    appendFileSync(
      join(runDir, 'events.jsonl'),
      stamp('r2', T0, [
        [
          4_200,
          {
            type: 'incident',
            kind: 'reconciled',
            cause: { type: 'abandoned', runId: 'r2', pid: 4242, command: 'up' },
            message: 'tarmac up ended without finishing this run',
            evidence: [],
            stepIds: ['build:b'],
            action: 'marked abandoned',
          },
        ],
        [4_200, { type: 'run.finished', outcome: 'failed', durationMs: 4_200, abandoned: true }],
      ])
        .map(journalLine)
        .join(''),
    );
    const next = openRecorder({ path, env: 'shop', warn: () => undefined });
    next.settle('r3');
    next.close();
    db = openHistory(path);
    expect(recentRuns(db, 'shop')[0]).toMatchObject({
      id: 'r2',
      outcome: 'failed',
      abandoned: true,
      finished: T0 + 4_200,
      incidents: ['reconciled'],
      label: 'cap2',
      setupMs: 4_200,
    });
    expect(db.prepare("SELECT state FROM steps WHERE run_id = 'r2' AND step_id = 'build:a'").get()).toEqual({
      state: 'succeeded',
    });
    db.close();
  });

  it('warns once and lets the run go on when the file is of a newer tarmac', () => {
    const path = tempHistoryPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const warnings = record(path, upRun('r1', T0));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `history: not recording this run in ${path}: ${path} has history schema version ${SCHEMA_VERSION + 1}`,
    );
  });

  it('warns once and stops writing when the database fails mid-run (another process holds it locked)', () => {
    const path = tempHistoryPath();
    const warnings: string[] = [];
    const rec = openRecorder({ path, env: 'shop', warn: (m) => warnings.push(m) });
    const events = upRun('r1', T0);
    rec.listener(events[0]!);
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    for (const e of events.slice(1)) expect(() => rec.listener(e)).not.toThrow();
    other.exec('ROLLBACK');
    other.close();
    rec.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/history: not recording this run in .*: database is locked/);
  });
});
