import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { resolveRun } from './find-run.js';

const stateDir = mkdtempSync(join(tmpdir(), 'tarmac-find-run-'));
const runs = join(stateDir, 'runs');
for (const id of ['20251215-194110-aaaa', '20251215-195000-bbbb', '20251216-080000-cccc']) {
  mkdirSync(join(runs, id), { recursive: true });
  writeFileSync(join(runs, id, 'events.jsonl'), '');
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

describe('resolveRun', () => {
  it('defaults to the latest run; takes an id, a unique prefix or a run directory', () => {
    expect(resolveRun(stateDir, undefined, '/')).toEqual({
      runId: '20251216-080000-cccc',
      dir: join(runs, '20251216-080000-cccc'),
    });
    expect(resolveRun(stateDir, '20251215-194110-aaaa', '/').dir).toBe(join(runs, '20251215-194110-aaaa'));
    expect(resolveRun(stateDir, '20251215-1950', '/').runId).toBe('20251215-195000-bbbb');
    expect(resolveRun(stateDir, 'runs/20251215-194110-aaaa', stateDir).runId).toBe('20251215-194110-aaaa');
  });

  it('an unknown run names the runs dir and the latest runs', () => {
    const err = thrown(() => resolveRun(stateDir, 'nope', '/'));
    expect(err.code).toBe('RUN_NOT_FOUND');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`no run \`nope\` in ${runs}`);
    expect(err.details).toEqual([
      'latest runs:',
      '  20251216-080000-cccc',
      '  20251215-195000-bbbb',
      '  20251215-194110-aaaa',
    ]);
    // A run beyond the retention is not there any more: the hint says where its record still is.
    expect(err.hint).toMatch(/disk\.prune\.keepRuns.*`tarmac history`/);
  });

  it('an ambiguous prefix lists the matches; no runs at all says so', () => {
    expect(thrown(() => resolveRun(stateDir, '20251215', '/')).message).toBe(`\`20251215\` matches 2 runs in ${runs}`);
    const empty = mkdtempSync(join(tmpdir(), 'tarmac-find-run-empty-'));
    expect(thrown(() => resolveRun(empty, undefined, '/')).message).toBe(
      `there are no runs yet in ${join(empty, 'runs')}`,
    );
    rmSync(empty, { recursive: true, force: true });
  });
});
