import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { ensureLeaseDir } from './lease-dir.js';
import { openEngineLease } from './engine-lease.js';

const root = mkdtempSync(join(tmpdir(), 'tarmac-lease-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const uid = process.getuid!();

function refusal(dir: string): TarmacError {
  try {
    ensureLeaseDir(dir);
  } catch (err) {
    return err as TarmacError;
  }
  throw new Error(`${dir} was accepted`);
}

describe('ensureLeaseDir', () => {
  it('creates a missing lease dir 0700 and accepts it', () => {
    const dir = join(root, 'fresh', 'tarmac-leases');
    ensureLeaseDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder writable by group or others, saying its mode', () => {
    const dir = join(root, 'wide');
    mkdirSync(dir);
    chmodSync(dir, 0o775);
    const err = refusal(dir);
    expect(err.code).toBe('LEASE_DIR_UNSAFE');
    expect(err.message).toBe(`Refusing the engine lease folder ${dir}: other users may write in it (mode 0775)`);
    expect(err.hint).toContain('TARMAC_LEASE_DIR');
  });

  it("refuses another user's folder", () => {
    const dir = join(root, 'theirs');
    mkdirSync(dir, { mode: 0o700 });
    // As root the folder is really given away; otherwise the same check runs as if we were someone else.
    if (uid === 0) chownSync(dir, 65534, 65534);
    const err = uid === 0 ? refusal(dir) : catchOf(() => ensureLeaseDir(dir, uid + 1));
    expect(err.message).toMatch(/: it belongs to user \d+, not to you \(user \d+\)$/);
  });

  it('refuses a symlink to a folder, and openEngineLease refuses before touching a lease file', () => {
    const target = join(root, 'target');
    mkdirSync(target, { mode: 0o700 });
    const link = join(root, 'link');
    symlinkSync(target, link);
    expect(refusal(link).message).toContain('it is not a folder (a symlink or a file)');
    const wide = join(root, 'wide-2');
    mkdirSync(wide);
    chmodSync(wide, 0o777);
    expect(() =>
      openEngineLease({ dir: wide, engineKey: 'k', runId: 'r', env: 'e', capacity: 1, hostCapacity: 1 } as never),
    ).toThrow(/Refusing the engine lease folder/);
    expect(readdirSync(wide)).toEqual([]);
  });
});

function catchOf(fn: () => void): TarmacError {
  try {
    fn();
  } catch (err) {
    return err as TarmacError;
  }
  throw new Error('accepted');
}
