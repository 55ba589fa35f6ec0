import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempFiles, tempFileRun } from './temp-files.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';

const newSweepTestDir = tempDirs('sweep-test');

describe('tempFileRun', () => {
  it('recognises kind archives and rendered manifests of a run', () => {
    expect(tempFileRun('tarmac-20261128-174501-3f9a-kind-e2e-0123abcd.tar')).toBe('20261128-174501-3f9a');
    expect(tempFileRun('tarmac-20261128-174501-3f9a-apply-apps-0123abcd.json')).toBe('20261128-174501-3f9a');
    expect(tempFileRun('tarmac-20261128-174501-3f9a-containerfile-0123abcd')).toBe('20261128-174501-3f9a');
  });

  it('ignores look-alikes: test project copies, other suffixes, other prefixes', () => {
    expect(tempFileRun('tarmac-up-1a2b3c-XyZ123')).toBeUndefined();
    expect(tempFileRun('tarmac-20261128-174501-3f9a-kind-e2e-0123abcd.tar.partial')).toBeUndefined();
    expect(tempFileRun('xtarmac-20261128-174501-3f9a-kind-e2e-0123abcd.tar')).toBeUndefined();
  });
});

describe('sweepTempFiles', () => {
  it('removes the files of dead runs only, and never a directory', async () => {
    const dir = newSweepTestDir();
    const deadId = '20261128-174501-dead';
    const dead = `tarmac-${deadId}-kind-e2e-0123abcd.tar`;
    const live = 'tarmac-20261128-174502-aaaa-apply-apps-0123abcd.json';
    const dirLike = `tarmac-${deadId}-kind-x-ffffffff.tar`;
    writeFileSync(join(dir, dead), 'x');
    writeFileSync(join(dir, live), 'x');
    mkdirSync(join(dir, dirLike));
    writeFileSync(join(dir, 'unrelated.tar'), 'x');
    const removed = await sweepTempFiles(new Set([deadId]), dir);
    expect(removed).toEqual([join(dir, dead)]);
    expect(readdirSync(dir).sort()).toEqual([dirLike, live, 'unrelated.tar'].sort());
  });

  it('does nothing without dead runs', async () => {
    expect(await sweepTempFiles(new Set(), '/nonexistent')).toEqual([]);
  });
});
