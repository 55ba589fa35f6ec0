import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { findRunDir } from './find-run.js';

const stateDir = mkdtempSync(join(tmpdir(), 'tarmac-find-run-'));
for (const id of ['20251215-194110-aaaa', '20251215-195000-bbbb', '20251216-080000-cccc']) {
  mkdirSync(join(stateDir, 'runs', id), { recursive: true });
  writeFileSync(join(stateDir, 'runs', id, 'events.jsonl'), '');
}
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

function thrown(fn: () => unknown): TarmacError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TarmacError) return err;
  }
  throw new Error('expected a TarmacError');
}

describe('findRunDir', () => {
  it('defaults to the latest run; takes an id or a unique prefix', () => {
    expect(findRunDir(stateDir, undefined)).toBe(join(stateDir, 'runs', '20251216-080000-cccc'));
    expect(findRunDir(stateDir, '20251215-194110-aaaa')).toBe(join(stateDir, 'runs', '20251215-194110-aaaa'));
    expect(findRunDir(stateDir, '20251215-1950')).toBe(join(stateDir, 'runs', '20251215-195000-bbbb'));
  });

  it('an unknown run names the runs dir and the latest runs', () => {
    const err = thrown(() => findRunDir(stateDir, 'nope'));
    expect(err.code).toBe('RUN_NOT_FOUND');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`no run "nope" in ${join(stateDir, 'runs')}`);
    expect(err.hint).toBe('The latest runs are: 20251216-080000-cccc, 20251215-195000-bbbb, 20251215-194110-aaaa. Omit RUN to triage the latest.');
  });

  it('an ambiguous prefix lists the matches; no runs at all says so', () => {
    expect(thrown(() => findRunDir(stateDir, '20251215')).message).toContain('is ambiguous');
    const empty = mkdtempSync(join(tmpdir(), 'tarmac-find-run-empty-'));
    expect(thrown(() => findRunDir(empty, undefined)).code).toBe('NO_RUNS');
    rmSync(empty, { recursive: true, force: true });
  });
});
