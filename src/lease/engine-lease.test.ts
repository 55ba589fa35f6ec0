import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../errors/errors.js';
import { runCommand } from '../exec/run-command.js';
import { openEngineLease } from './engine-lease.js';
import type { EngineLease, EngineLeaseOptions, Grant, LeaseWait } from './engine-lease.js';

const KEY = 'podman test-endpoint';
let dir: string;
const open: EngineLease[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-lease-'));
});
afterEach(() => {
  for (const lease of open.splice(0)) lease.close();
  rmSync(dir, { recursive: true, force: true });
});

// A run's lease on the shared test file; host capacity 2 unless given.
const lease = (runId: string, extra: Partial<EngineLeaseOptions> = {}): EngineLease => {
  const l = openEngineLease({
    dir,
    engineKey: KEY,
    capacity: 2,
    hostCapacity: 2,
    runId,
    env: `env-${runId}`,
    releaseOnExit: false,
    ...extra,
  });
  open.push(l);
  return l;
};
const never = new AbortController().signal;

/** An acquire under observation: its wait reports, and whether it has settled. */
interface Request {
  promise: Promise<Grant>;
  waits: LeaseWait[];
  /** True if, over two more tries, the request was still not granted. */
  stillWaiting(): Promise<boolean>;
}
const request = (l: EngineLease, units: number, stepId: string, signal = never): Request => {
  const waits: LeaseWait[] = [];
  let settled = false;
  const promise = l.acquire(units, stepId, signal, (w) => waits.push(w));
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return {
    promise,
    waits,
    async stillWaiting() {
      const seen = waits.length;
      await until(() => settled || waits.length >= seen + 2, 10_000);
      return !settled;
    },
  };
};

describe('openEngineLease', () => {
  it('lets two runs on one file hold no more than the host capacity together', async () => {
    const a = lease('a');
    const b = lease('b');
    const held = await a.acquire(2, 'build:big', never);
    const pending = request(b, 1, 'build:small');
    expect(await pending.stillWaiting()).toBe(true);
    expect(b.inUse()).toBe(2);
    expect(pending.waits[0]).toMatchObject({
      capacity: 2,
      inUse: 2,
      holders: [{ runId: 'a', stepId: 'build:big', units: 2, pid: process.pid }],
    });
    held.release();
    const grant = await pending.promise;
    expect(grant.units).toBe(1);
    expect(a.inUse()).toBe(1);
  });

  it('runs a request above the host capacity alone, once nothing else holds any', async () => {
    const a = lease('a');
    const b = lease('b');
    const small = await a.acquire(1, 'build:small', never);
    const huge = request(b, 3, 'build:huge');
    expect(await huge.stillWaiting()).toBe(true);
    small.release();
    const grant = await huge.promise;
    expect(b.inUse()).toBe(3);
    // While it holds 3 of 2, even one unit waits.
    const next = request(a, 1, 'build:next');
    expect(await next.stillWaiting()).toBe(true);
    grant.release();
    expect((await next.promise).units).toBe(1);
  });

  it('serves waiting requests first come, first served', async () => {
    const a = lease('a');
    const b = lease('b');
    const c = lease('c');
    const first = await a.acquire(2, 'build:first', never);
    const heavy = request(b, 2, 'build:heavy');
    expect(await heavy.stillWaiting()).toBe(true);
    // One unit would fit once `first` is released, but the heavy request queued earlier goes first.
    const light = request(c, 1, 'build:light');
    expect(await light.stillWaiting()).toBe(true);
    expect(light.waits.at(-1)?.queued.map((q) => q.stepId)).toEqual(['build:heavy']);
    first.release();
    const heavyGrant = await heavy.promise;
    expect(await light.stillWaiting()).toBe(true);
    heavyGrant.release();
    expect((await light.promise).units).toBe(1);
  });

  it('gives up a wait on abort, and the abandoned request blocks nobody', async () => {
    const a = lease('a');
    const b = lease('b');
    const held = await a.acquire(2, 'build:held', never);
    const cancel = new AbortController();
    const waiting = request(b, 2, 'build:cancelled', cancel.signal);
    expect(await waiting.stillWaiting()).toBe(true);
    cancel.abort();
    await expect(waiting.promise).rejects.toBeInstanceOf(CancelledError);
    held.release();
    const later = await a.acquire(2, 'build:later', never);
    expect(later.units).toBe(2);
  });

  it('defaults the host capacity to the largest capacity among the live runs', async () => {
    const small = lease('small', { capacity: 1, hostCapacity: undefined });
    expect(small.capacity()).toBe(1);
    const big = lease('big', { capacity: 3, hostCapacity: undefined });
    expect(small.capacity()).toBe(3);
    big.close();
    expect(small.capacity()).toBe(1);
  });

  it('releases what a run holds when it closes, and a released grant is released once', async () => {
    const a = lease('a');
    const b = lease('b');
    const g: Grant = await a.acquire(1, 'build:one', never);
    await a.acquire(1, 'build:two', never);
    g.release();
    g.release();
    expect(b.inUse()).toBe(1);
    a.close();
    expect(b.inUse()).toBe(0);
    await expect(a.acquire(1, 'build:after', never)).rejects.toMatchObject({ code: 'LEASE_CLOSED' });
  });

  it('reclaims the grants of a process that is gone (recorded pid no longer alive)', async () => {
    const dead = new Set<number>();
    const isAlive = (pid: number): boolean => !dead.has(pid);
    const ghost = lease('ghost', { pid: 424242, isAlive });
    await ghost.acquire(2, 'build:ghost', never);
    const reclaimed: string[] = [];
    const b = lease('b', {
      isAlive,
      onReclaim: (rows) => reclaimed.push(...rows.map((r) => `${r.pid} ${r.stepId} ${r.units}`)),
    });
    const waiting = request(b, 2, 'build:b');
    expect(await waiting.stillWaiting()).toBe(true);
    dead.add(424242);
    expect((await waiting.promise).units).toBe(2);
    expect(reclaimed).toEqual(['424242 build:ghost 2']);
  });

  it('takes the units of a tarmac killed with SIGKILL back (real child process)', async () => {
    const fixture = fileURLToPath(new URL('./hold-lease.test-kit.ts', import.meta.url));
    const child = runCommand(process.execPath, ['--import', 'tsx', fixture, dir, KEY, '2'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      timeoutMs: 60_000,
    });
    const reclaimed: number[] = [];
    const b = lease('b', { onReclaim: (rows) => reclaimed.push(...rows.map((r) => r.pid)) });
    await until(() => b.inUse() === 2, 20_000);
    let holder: number | undefined;
    // The child's grant is what this request waits for; then the child is killed without warning.
    const grant = await b.acquire(2, 'build:after-kill', never, (w) => {
      const pid = w.holders.find((h) => h.runId.startsWith('child-'))?.pid;
      if (pid !== undefined && holder === undefined) {
        holder = pid;
        process.kill(pid, 'SIGKILL');
      }
    });
    expect(grant.units).toBe(2);
    expect(holder).toBeGreaterThan(0);
    expect(reclaimed).toEqual([holder]);
    const result = await child;
    expect(result.signal).toBe('SIGKILL');
  });
});

// Polls `condition` until it holds; fails the test past `ms`.
async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
