import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeaseMemberGone, LeaseStore } from './lease-store.js';

let dir: string;
let stores: LeaseStore[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-lease-store-'));
  stores = [];
});
afterEach(() => {
  for (const s of stores) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const dead = new Set<number>();
const store = (capacity?: number): LeaseStore => {
  const s = new LeaseStore(join(dir, 'engine.db'), (pid) => !dead.has(pid), capacity);
  stores.push(s);
  return s;
};
const member = (s: LeaseStore, pid: number, capacity = 2): number =>
  s.join({ pid, procStart: null, runId: `run-${pid}`, env: `env-${pid}`, capacity }, 0);

describe('LeaseStore', () => {
  it('stops counting a waiter that has not polled for a minute, and gives it its place back when it polls again', () => {
    const [a, b] = [store(2), store(2)];
    const holder = a.enqueue(member(a, 1), 'build:hold', 2, 0);
    expect(a.tryGrant(holder, 0).granted).toBe(true);
    const slow = a.enqueue(member(a, 2), 'build:slow', 1, 0);
    expect(a.tryGrant(slow, 0)).toMatchObject({ granted: false, queued: [] });
    const fast = b.enqueue(member(b, 3), 'build:fast', 1, 1_000);
    expect(b.tryGrant(fast, 1_000)).toMatchObject({ granted: false, queued: [{ stepId: 'build:slow' }] });
    // Past the stale bound the silent waiter no longer blocks; once it polls again it is first in line again.
    expect(b.tryGrant(fast, 70_000)).toMatchObject({ granted: false, queued: [] });
    expect(a.tryGrant(slow, 70_001)).toMatchObject({ granted: false, queued: [] });
    expect(b.tryGrant(fast, 70_002)).toMatchObject({ granted: false, queued: [{ stepId: 'build:slow' }] });
  });

  it('reclaims every row of a dead member, and says which grants it reclaimed', () => {
    const s = store(2);
    const ghost = member(s, 77);
    const g = s.enqueue(ghost, 'build:ghost', 2, 0);
    expect(s.tryGrant(g, 0).granted).toBe(true);
    s.enqueue(ghost, 'build:ghost-2', 1, 0);
    dead.add(77);
    const snap = s.snapshot(1);
    expect(snap.reclaimed.map((r) => [r.pid, r.stepId, r.units])).toEqual([[77, 'build:ghost', 2]]);
    expect(snap.inUse).toBe(0);
    const w = s.enqueue(member(s, 78), 'build:next', 2, 2);
    expect(s.tryGrant(w, 2)).toMatchObject({ granted: true, reclaimed: [] });
  });

  it('refuses to grant to a member that another process removed', () => {
    const s = store(2);
    const id = member(s, 90);
    const w = s.enqueue(id, 'build:x', 1, 0);
    s.leave(id);
    expect(() => s.tryGrant(w, 1)).toThrow(LeaseMemberGone);
  });
});
