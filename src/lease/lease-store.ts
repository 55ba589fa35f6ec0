// The SQLite file behind a host-wide engine lease. Every change runs in a BEGIN IMMEDIATE transaction, so the
// processes sharing the file see one order of grants; WAL keeps readers from blocking the writer.
import Database from 'better-sqlite3';
import { fits } from '../plan/admission.js';
import type { LivenessCheck } from './process-identity.js';
import { SCHEMA } from './lease-schema.js';

/** Who is asking: one tarmac run in one process. */
export interface MemberInfo {
  pid: number;
  procStart: string | null;
  runId: string;
  env: string;
  /** The run's own engine capacity; the host capacity defaults to the largest of the live members'. */
  capacity: number;
}

/** A granted or waiting request, as other processes see it. */
export interface LeaseRow {
  id: number;
  memberId: number;
  pid: number;
  runId: string;
  env: string;
  stepId: string;
  units: number;
  /** When granted (grants) or when the wait began (waiters), ms since the epoch. */
  at: number;
}

/** A queued request, as its owner keeps it. */
export interface Waiter {
  id: number;
  memberId: number;
  stepId: string;
  units: number;
  since: number;
}

/** The outcome of one try: granted, or what the request waits for. */
export type TryResult =
  | { granted: true; grant: LeaseRow; reclaimed: LeaseRow[] }
  | { granted: false; capacity: number; inUse: number; holders: LeaseRow[]; queued: LeaseRow[]; reclaimed: LeaseRow[] };

/** This run's own member row was deleted by another process that took it for dead. */
export class LeaseMemberGone extends Error {
  constructor() {
    super('this run was removed from the lease file by another process that took it for dead');
    this.name = 'LeaseMemberGone';
  }
}

/** Waiter rows not refreshed for this long belong to a process whose wait loop is gone; they stop blocking others. */
const STALE_WAITER_MS = 60_000;

interface RawRow {
  id: number;
  member_id: number;
  pid: number;
  run_id: string;
  env: string;
  step_id: string;
  units: number;
  at: number;
}

const toRow = (r: RawRow): LeaseRow => ({
  id: r.id,
  memberId: r.member_id,
  pid: r.pid,
  runId: r.run_id,
  env: r.env,
  stepId: r.step_id,
  units: r.units,
  at: r.at,
});

/** Synchronous access to one lease file; the async waiting lives in engine-lease.ts. */
export class LeaseStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the lease file at `path`. */
  constructor(
    path: string,
    private readonly isAlive: LivenessCheck,
    private readonly fixedCapacity: number | undefined,
  ) {
    // A short busy timeout: better-sqlite3 waits synchronously, and every transaction here takes microseconds.
    this.db = new Database(path, { timeout: 1_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.transaction(() => this.db.exec(SCHEMA)).immediate();
  }

  /** Registers a member; returns its id. */
  join(m: MemberInfo, now: number): number {
    const insert = this.db.prepare(
      'INSERT INTO members (pid, proc_start, run_id, env, capacity, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    return Number(
      this.db
        .transaction(() => insert.run(m.pid, m.procStart, m.runId, m.env, m.capacity, now).lastInsertRowid)
        .immediate(),
    );
  }

  /** Puts a request at the end of the queue. */
  enqueue(memberId: number, stepId: string, units: number, now: number): Waiter {
    const insert = this.db.prepare(
      `INSERT INTO waiters (member_id, step_id, units, since, seen_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const id = Number(
      this.db.transaction(() => insert.run(memberId, stepId, units, now, now).lastInsertRowid).immediate(),
    );
    return { id, memberId, stepId, units, since: now };
  }

  /** Grants the waiter when its units fit and nobody queued before it; otherwise refreshes it and says why it waits. */
  tryGrant(waiter: Waiter, now: number): TryResult {
    return this.db
      .transaction((): TryResult => {
        const reclaimed = this.reclaimIn(now);
        const waiterId = waiter.id;
        if (!this.db.prepare('SELECT 1 FROM members WHERE id = ?').get(waiter.memberId)) throw new LeaseMemberGone();
        // Pruned as stale (this process did not poll for a long time): it gets its place in the queue back.
        this.db
          .prepare(
            'INSERT OR IGNORE INTO waiters (id, member_id, step_id, units, since, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(waiterId, waiter.memberId, waiter.stepId, waiter.units, waiter.since, now);
        const holders = this.grants();
        const inUse = holders.reduce((sum, g) => sum + g.units, 0);
        const capacity = this.capacityIn();
        const queued = this.waiters(waiterId);
        // First come, first served: a heavy request is never overtaken forever by a stream of small ones.
        if (queued.length === 0 && fits(waiter.units, inUse, capacity)) {
          this.db.prepare('DELETE FROM waiters WHERE id = ?').run(waiterId);
          const id = Number(
            this.db
              .prepare('INSERT INTO grants (member_id, step_id, units, started_at) VALUES (?, ?, ?, ?)')
              .run(waiter.memberId, waiter.stepId, waiter.units, now).lastInsertRowid,
          );
          const grant = this.grants().find((g) => g.id === id)!;
          return { granted: true, grant, reclaimed };
        }
        this.db.prepare('UPDATE waiters SET seen_at = ? WHERE id = ?').run(now, waiterId);
        return { granted: false, capacity, inUse, holders, queued, reclaimed };
      })
      .immediate();
  }

  /** Gives back a grant (no-op if it is gone). */
  release(grantId: number): void {
    this.db.transaction(() => this.db.prepare('DELETE FROM grants WHERE id = ?').run(grantId)).immediate();
  }

  /** Drops a waiter that stopped waiting (cancelled). */
  dropWaiter(waiterId: number): void {
    this.db.transaction(() => this.db.prepare('DELETE FROM waiters WHERE id = ?').run(waiterId)).immediate();
  }

  /** Removes a member with everything it holds or waits for. */
  leave(memberId: number): void {
    this.db.transaction(() => this.removeMembers([memberId])).immediate();
  }

  /** Removes the rows of dead processes; returns the grants that were reclaimed. */
  reclaim(now: number): LeaseRow[] {
    return this.db.transaction(() => this.reclaimIn(now)).immediate();
  }

  /** Current grants and the host capacity, after reclaiming. */
  snapshot(now: number): { capacity: number; inUse: number; holders: LeaseRow[]; reclaimed: LeaseRow[] } {
    return this.db
      .transaction(() => {
        const reclaimed = this.reclaimIn(now);
        const holders = this.grants();
        return { capacity: this.capacityIn(), inUse: holders.reduce((sum, g) => sum + g.units, 0), holders, reclaimed };
      })
      .immediate();
  }

  /** Closes the file. */
  close(): void {
    this.db.close();
  }

  private grants(): LeaseRow[] {
    const rows = this.db
      .prepare(
        `SELECT g.id, g.member_id, m.pid, m.run_id, m.env, g.step_id, g.units, g.started_at AS at
      FROM grants g JOIN members m ON m.id = g.member_id ORDER BY g.id`,
      )
      .all() as RawRow[];
    return rows.map(toRow);
  }

  /** Waiters queued before `waiterId`, first first. */
  private waiters(waiterId: number): LeaseRow[] {
    const rows = this.db
      .prepare(
        `SELECT w.id, w.member_id, m.pid, m.run_id, m.env, w.step_id, w.units, w.since AS at
      FROM waiters w JOIN members m ON m.id = w.member_id WHERE w.id < ? ORDER BY w.id`,
      )
      .all(waiterId) as RawRow[];
    return rows.map(toRow);
  }

  private capacityIn(): number {
    if (this.fixedCapacity !== undefined) return this.fixedCapacity;
    const row = this.db.prepare('SELECT MAX(capacity) AS c FROM members').get() as { c: number | null };
    return row.c ?? 1;
  }

  private reclaimIn(now: number): LeaseRow[] {
    const members = this.db.prepare('SELECT id, pid, proc_start FROM members').all() as {
      id: number;
      pid: number;
      proc_start: string | null;
    }[];
    const dead = members.filter((m) => !this.isAlive(m.pid, m.proc_start)).map((m) => m.id);
    const reclaimed = dead.length === 0 ? [] : this.grants().filter((g) => dead.includes(g.memberId));
    this.removeMembers(dead);
    this.db.prepare('DELETE FROM waiters WHERE seen_at < ?').run(now - STALE_WAITER_MS);
    return reclaimed;
  }

  private removeMembers(ids: number[]): void {
    for (const id of ids) {
      this.db.prepare('DELETE FROM grants WHERE member_id = ?').run(id);
      this.db.prepare('DELETE FROM waiters WHERE member_id = ?').run(id);
      this.db.prepare('DELETE FROM members WHERE id = ?').run(id);
    }
  }
}
