import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClusterRecords, stillOurs, type ClusterRecord } from './cluster-record.js';

const root = mkdtempSync(join(tmpdir(), 'cluster-record-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const record = (name: string, nodeIds: string[] = []): ClusterRecord => ({
  name,
  env: 'e',
  state: 'ready',
  createdAt: '2026-01-01T00:00:00Z',
  runId: 'r',
  tarmacVersion: '0.1.0',
  nodeIds,
});

describe('ClusterRecords', () => {
  it('starts empty, then adds, replaces and removes records in a private file', async () => {
    const records = new ClusterRecords(join(root, 'a', '.tarmac'));
    expect(await records.list()).toEqual([]);
    await records.put(record('b'));
    await records.put(record('a'));
    await records.put(record('b', ['id1']));
    expect((await records.list()).map((r) => [r.name, r.nodeIds])).toEqual([
      ['a', []],
      ['b', ['id1']],
    ]);
    expect(statSync(records.file).mode & 0o777).toBe(0o600);
    await records.remove('a');
    expect(await records.get('a')).toBeUndefined();
    expect(await records.get('b')).toMatchObject({ name: 'b' });
  });

  it('refuses to guess from a corrupt file', async () => {
    const dir = join(root, 'bad', '.tarmac');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'clusters.json'), '{not json');
    await expect(new ClusterRecords(dir).list()).rejects.toMatchObject({ code: 'STATE_CORRUPT', exitCode: 3 });
  });
});

describe('stillOurs', () => {
  it('needs a record, and once node ids are known, one of them', () => {
    expect(stillOurs(undefined, ['x'])).toBe(false);
    expect(stillOurs(record('c'), ['x'])).toBe(true);
    expect(stillOurs(record('c', ['a', 'b']), ['b'])).toBe(true);
    expect(stillOurs(record('c', ['a']), ['z'])).toBe(false);
  });
});
