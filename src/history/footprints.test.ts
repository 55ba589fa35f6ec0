// Suite footprints learned from real SQLite history: the highest recent peak per suite, per env; old files migrate.
import { describe, expect, it } from 'vitest';
import { readLearnedFootprints } from './footprints.js';
import { learnedFootprints } from './learned.js';
import { recordRun, tempHistoryPath } from './history.test-kit.js';
import { MIGRATIONS } from './schema.js';
import { openHistory } from './store.js';
import { suitesRun } from './suites-history.test-kit.js';

const T0 = 1_700_000_000_000;
const MiB = 1024 ** 2;

describe('learned suite footprints', () => {
  it('is empty without a history file, and never creates one', () => {
    expect(readLearnedFootprints('/nonexistent/dir/history.db', 'shop')).toEqual(new Map());
  });

  it('takes the highest peak of the suite over its measured runs of the env, counting them', () => {
    const path = tempHistoryPath();
    recordRun(path, 'shop', suitesRun('r1', T0, [{ name: 'gateway', peakBytes: 300 * MiB }, { name: 'fleet' }]));
    recordRun(path, 'shop', suitesRun('r2', T0 + 1_000, [{ name: 'gateway', peakBytes: 500 * MiB }]));
    recordRun(path, 'shop', suitesRun('r3', T0 + 2_000, [{ name: 'gateway', peakBytes: 400 * MiB, testFails: true }]));
    // Another env's runs say nothing about this one's suites.
    recordRun(path, 'other', suitesRun('o1', T0, [{ name: 'gateway', peakBytes: 9_000 * MiB }]));
    expect(readLearnedFootprints(path, 'shop')).toEqual(new Map([['gateway', { bytes: 500 * MiB, runs: 3 }]]));
  });

  it('forgets peaks older than the suite last ten measured runs', () => {
    const path = tempHistoryPath();
    recordRun(path, 'shop', suitesRun('old', T0, [{ name: 'gateway', peakBytes: 4_000 * MiB }]));
    for (let i = 1; i <= 10; i++)
      recordRun(path, 'shop', suitesRun(`r${i}`, T0 + i * 1_000, [{ name: 'gateway', peakBytes: (100 + i) * MiB }]));
    expect(readLearnedFootprints(path, 'shop').get('gateway')).toEqual({ bytes: 110 * MiB, runs: 10 });
  });

  it('reads a file written before suites were recorded (version 2) after migrating it', () => {
    const path = tempHistoryPath();
    const old = openHistory(path, MIGRATIONS.slice(0, 2));
    old.prepare('INSERT INTO runs (id, env, started) VALUES (?, ?, ?)').run('r0', 'shop', T0);
    old.close();
    expect(readLearnedFootprints(path, 'shop')).toEqual(new Map());
    recordRun(path, 'shop', suitesRun('r1', T0 + 1, [{ name: 'gateway', peakBytes: MiB }]));
    expect(readLearnedFootprints(path, 'shop')).toEqual(new Map([['gateway', { bytes: MiB, runs: 1 }]]));
  });

  it('plans with none, warning once, when the history file cannot be read', () => {
    const path = tempHistoryPath();
    const raw = openHistory(path);
    raw.pragma('user_version = 99');
    raw.close();
    const warnings: string[] = [];
    expect(learnedFootprints(path, 'shop', (m) => warnings.push(m))).toEqual(new Map());
    expect(warnings).toEqual([
      expect.stringMatching(/^history: planning with default suite footprints; could not read .*version 99/),
    ]);
  });
});
