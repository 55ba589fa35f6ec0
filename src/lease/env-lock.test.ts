// The per-env lock on a real SQLite file: one holder, waiting for a live one, taking over from a dead one.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { acquireEnvLock, EnvLockStore, type EnvLockHolder } from './env-lock.js';

const dirs: string[] = [];
const stateDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-envlock-'));
  dirs.push(dir);
  return join(dir, '.tarmac');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid no process can have: one above the kernel's pid_max. */
const deadPid = () => Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) + 1;
const other = { pid: process.ppid, procStart: null };

describe('EnvLockStore', () => {
  it('has one holder at a time, named to the others, and only the holder frees it', () => {
    const dir = stateDir();
    const mine = new EnvLockStore(dir);
    const theirs = new EnvLockStore(dir, other, () => true);
    expect(mine.tryTake('up', 1000)).toEqual({ taken: true });
    expect(theirs.tryTake('down')).toEqual({
      taken: false,
      holder: { pid: process.pid, procStart: expect.anything() as unknown, command: 'up', since: 1000 },
    });
    theirs.release();
    expect(theirs.tryTake('down').taken).toBe(false);
    mine.release(2000);
    // The taker learns when the lock was last given back.
    expect(theirs.tryTake('down')).toEqual({ taken: true, lastReleasedAt: 2000 });
    expect(statSync(join(dir, 'env-lock.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    mine.close();
    theirs.close();
  });

  it('takes the lock over from a holder whose process is gone, and says from whom', () => {
    const dir = stateDir();
    const pid = deadPid();
    const dead = new EnvLockStore(dir, { pid, procStart: 'gone' });
    expect(dead.tryTake('test', 5).taken).toBe(true);
    const mine = new EnvLockStore(dir);
    expect(mine.tryTake('up')).toEqual({
      taken: true,
      tookOverFrom: { pid, procStart: 'gone', command: 'test', since: 5 },
    });
    dead.close();
    mine.close();
  });
});

describe('EnvLock.untouchedSince (the read ahead of tarmac test)', () => {
  const acquire = (dir: string, store = new EnvLockStore(dir)) =>
    acquireEnvLock({
      stateDir: dir,
      envName: 'e',
      command: 'test',
      wait: false,
      signal: new AbortController().signal,
      onWait: () => undefined,
      onTakeover: () => undefined,
      store,
    });

  it('holds for any moment when no run ever held the env', async () => {
    const lock = await acquire(stateDir());
    expect(lock.untouchedSince(0)).toBe(true);
    lock.release();
  });

  it('holds only for moments after the last release: a run that came and went since may have changed the env', async () => {
    const dir = stateDir();
    const theirs = new EnvLockStore(dir, other, () => true);
    expect(theirs.tryTake('up', 1000).taken).toBe(true);
    theirs.release(5000);
    theirs.close();
    const lock = await acquire(dir);
    expect(lock.untouchedSince(4000)).toBe(false);
    expect(lock.untouchedSince(5000)).toBe(false);
    expect(lock.untouchedSince(5001)).toBe(true);
    lock.release();
  });

  it('never holds when the lock was taken over from a run that died holding it', async () => {
    const dir = stateDir();
    const dead = new EnvLockStore(dir, { pid: deadPid(), procStart: 'gone' });
    expect(dead.tryTake('up', 5).taken).toBe(true);
    dead.close();
    const lock = await acquire(dir);
    expect(lock.untouchedSince(Date.now())).toBe(false);
    lock.release();
  });
});

describe('acquireEnvLock', () => {
  const base = (dir: string, store: EnvLockStore) => ({
    stateDir: dir,
    envName: 'demo',
    command: 'up',
    store,
    pollMs: 5,
    onTakeover: () => undefined,
  });

  it('--no-wait: refuses at once with ENV_LOCKED (exit 3) naming the holder', async () => {
    const dir = stateDir();
    const holder = new EnvLockStore(dir, other, () => true);
    holder.tryTake('test');
    const error = await acquireEnvLock({
      ...base(dir, new EnvLockStore(dir, undefined, () => true)),
      wait: false,
      signal: new AbortController().signal,
      onWait: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TarmacError);
    expect(error).toMatchObject({ code: 'ENV_LOCKED', exitCode: 3 });
    expect((error as Error).message).toBe(`env demo is in use by tarmac test (pid ${other.pid})`);
    holder.close();
  });

  it('waits for as long as the holder holds it, says so once at the start, then takes it', async () => {
    const dir = stateDir();
    const holder = new EnvLockStore(dir, other, () => true);
    holder.tryTake('up');
    const waits: [EnvLockHolder, number][] = [];
    let release: () => void = () => undefined;
    const said = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = acquireEnvLock({
      ...base(dir, new EnvLockStore(dir, undefined, () => true)),
      wait: true,
      signal: new AbortController().signal,
      onWait: (h, waited) => {
        waits.push([h, waited]);
        release();
      },
    });
    await said;
    holder.release();
    const lock = await acquired;
    expect(waits).toEqual([[expect.objectContaining({ pid: other.pid, command: 'up' }), 0]]);
    // Taken after a wait: a read made before it may have seen the env mid-change.
    expect(lock.untouchedSince(0)).toBe(false);
    lock.release();
    // Released: the former holder can take it again.
    expect(holder.tryTake('down').taken).toBe(true);
    holder.close();
  });

  it('stops waiting when the run is cancelled', async () => {
    const dir = stateDir();
    const holder = new EnvLockStore(dir, other, () => true);
    holder.tryTake('up');
    const controller = new AbortController();
    const error = await acquireEnvLock({
      ...base(dir, new EnvLockStore(dir, undefined, () => true)),
      wait: true,
      signal: controller.signal,
      onWait: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    holder.close();
  });
});
