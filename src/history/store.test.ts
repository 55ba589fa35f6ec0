import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { tempHistoryPath } from './history.test-kit.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { openHistory } from './store.js';

describe('history store', () => {
  it('creates a WAL file at the current schema version', () => {
    const path = tempHistoryPath();
    const db = openHistory(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('migrates a file written at version 1, keeping its rows', () => {
    const path = tempHistoryPath();
    const old = openHistory(path, MIGRATIONS.slice(0, 1));
    old.prepare('INSERT INTO runs (id, env, started) VALUES (?, ?, ?)').run('r1', 'shop', 1000);
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(() => old.prepare('SELECT * FROM test_results').all()).toThrow(/no such table/);
    old.close();

    const db = openHistory(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, env, started, tests_total FROM runs').all()).toEqual([
      { id: 'r1', env: 'shop', started: 1000, tests_total: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM test_results').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file from a newer tarmac, naming the file and both versions', () => {
    const path = tempHistoryPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    let caught: unknown;
    try {
      openHistory(path).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TarmacError);
    const error = caught as TarmacError;
    expect(error.code).toBe('HISTORY_TOO_NEW');
    expect(error.message).toBe(
      `${path} has history schema version ${SCHEMA_VERSION + 5}; this tarmac knows versions up to ${SCHEMA_VERSION}`,
    );
    expect(error.hint).toMatch(/Upgrade tarmac|history\.path/);
    // Nothing was changed in the file.
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    check.close();
  });
});
