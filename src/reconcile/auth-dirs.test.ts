import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authDirPid, sweepAuthDirs } from './auth-dirs.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';

const newAuthSweepDir = tempDirs('auth-sweep');

describe('authDirPid', () => {
  it('reads the pid from tarmac auth dir names only', () => {
    expect(authDirPid('tarmac-auth-4242-aB3dE9')).toBe(4242);
    expect(authDirPid('tarmac-auth-aB3dE9')).toBeUndefined(); // an older tarmac's name: no pid to check
    expect(authDirPid('tarmac-auth-4242-aB3dE9x')).toBeUndefined();
    expect(authDirPid('other-auth-4242-aB3dE9')).toBeUndefined();
  });
});

describe('sweepAuthDirs', () => {
  it('removes the auth dirs of gone processes and nothing else', async () => {
    const tmp = newAuthSweepDir();
    const dir = (name: string, files: string[]) => {
      mkdirSync(join(tmp, name));
      for (const f of files) writeFileSync(join(tmp, name, f), '{}');
    };
    dir('tarmac-auth-10-aaaaaa', ['config.json']); // gone: removed
    dir('tarmac-auth-11-bbbbbb', []); // gone before writing its file: removed
    dir('tarmac-auth-20-cccccc', ['config.json']); // alive: kept
    dir('tarmac-auth-12-dddddd', ['config.json', 'notes.txt']); // not only what tarmac writes: kept
    writeFileSync(join(tmp, 'tarmac-auth-13-eeeeee'), 'a file, not a dir'); // kept
    const removed = await sweepAuthDirs((pid) => pid === 20, tmp);
    expect(removed.sort()).toEqual([join(tmp, 'tarmac-auth-10-aaaaaa'), join(tmp, 'tarmac-auth-11-bbbbbb')]);
    for (const kept of ['tarmac-auth-20-cccccc', 'tarmac-auth-12-dddddd', 'tarmac-auth-13-eeeeee'])
      expect(existsSync(join(tmp, kept))).toBe(true);
  });
});
