import Database from "better-sqlite3";
import { fits } from "../plan/admission.js";
import { SCHEMA } from "./lease-schema.js";
class LeaseMemberGone extends Error {
  constructor() {
    super("this run was removed from the lease file by another process that took it for dead");
    this.name = "LeaseMemberGone";
  }
}
const STALE_WAITER_MS = 6e4;
const toRow = (r) => ({
  id: r.id,
  memberId: r.member_id,
  pid: r.pid,
  runId: r.run_id,
  env: r.env,
  stepId: r.step_id,
  units: r.units,
  at: r.at
});
class LeaseStore {
  /** Opens (creating if needed) the lease file at `path`. */
  constructor(path, isAlive, fixedCapacity) {
    this.isAlive = isAlive;
    this.fixedCapacity = fixedCapacity;
    this.db = new Database(path, { timeout: 1e3 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.transaction(() => this.db.exec(SCHEMA)).immediate();
  }
  isAlive;
  fixedCapacity;
  db;
  /** Registers a member; returns its id. */
  join(m, now) {
    const insert = this.db.prepare(
      "INSERT INTO members (pid, proc_start, run_id, env, capacity, joined_at) VALUES (?, ?, ?, ?, ?, ?)"
    );
    return Number(
      this.db.transaction(() => insert.run(m.pid, m.procStart, m.runId, m.env, m.capacity, now).lastInsertRowid).immediate()
    );
  }
  /** Puts a request at the end of the queue. */
  enqueue(memberId, stepId, units, now) {
    const insert = this.db.prepare(
      `INSERT INTO waiters (member_id, step_id, units, since, seen_at) VALUES (?, ?, ?, ?, ?)`
    );
    const id = Number(
      this.db.transaction(() => insert.run(memberId, stepId, units, now, now).lastInsertRowid).immediate()
    );
    return { id, memberId, stepId, units, since: now };
  }
  /** Grants the waiter when its units fit and nobody queued before it; otherwise refreshes it and says why it waits. */
  tryGrant(waiter, now) {
    return this.db.transaction(() => {
      const reclaimed = this.reclaimIn(now);
      const waiterId = waiter.id;
      if (!this.db.prepare("SELECT 1 FROM members WHERE id = ?").get(waiter.memberId)) throw new LeaseMemberGone();
      this.db.prepare(
        "INSERT OR IGNORE INTO waiters (id, member_id, step_id, units, since, seen_at) VALUES (?, ?, ?, ?, ?, ?)"
      ).run(waiterId, waiter.memberId, waiter.stepId, waiter.units, waiter.since, now);
      const holders = this.grants();
      const inUse = holders.reduce((sum, g) => sum + g.units, 0);
      const capacity = this.capacityIn();
      const queued = this.waiters(waiterId);
      if (queued.length === 0 && fits(waiter.units, inUse, capacity)) {
        this.db.prepare("DELETE FROM waiters WHERE id = ?").run(waiterId);
        const id = Number(
          this.db.prepare("INSERT INTO grants (member_id, step_id, units, started_at) VALUES (?, ?, ?, ?)").run(waiter.memberId, waiter.stepId, waiter.units, now).lastInsertRowid
        );
        const grant = this.grants().find((g) => g.id === id);
        return { granted: true, grant, reclaimed };
      }
      this.db.prepare("UPDATE waiters SET seen_at = ? WHERE id = ?").run(now, waiterId);
      return { granted: false, capacity, inUse, holders, queued, reclaimed };
    }).immediate();
  }
  /** Gives back a grant (no-op if it is gone). */
  release(grantId) {
    this.db.transaction(() => this.db.prepare("DELETE FROM grants WHERE id = ?").run(grantId)).immediate();
  }
  /** Drops a waiter that stopped waiting (cancelled). */
  dropWaiter(waiterId) {
    this.db.transaction(() => this.db.prepare("DELETE FROM waiters WHERE id = ?").run(waiterId)).immediate();
  }
  /** Removes a member with everything it holds or waits for. */
  leave(memberId) {
    this.db.transaction(() => this.removeMembers([memberId])).immediate();
  }
  /** Removes the rows of dead processes; returns the grants that were reclaimed. */
  reclaim(now) {
    return this.db.transaction(() => this.reclaimIn(now)).immediate();
  }
  /** Current grants and the host capacity, after reclaiming. */
  snapshot(now) {
    return this.db.transaction(() => {
      const reclaimed = this.reclaimIn(now);
      const holders = this.grants();
      return { capacity: this.capacityIn(), inUse: holders.reduce((sum, g) => sum + g.units, 0), holders, reclaimed };
    }).immediate();
  }
  /** Closes the file. */
  close() {
    this.db.close();
  }
  grants() {
    const rows = this.db.prepare(
      `SELECT g.id, g.member_id, m.pid, m.run_id, m.env, g.step_id, g.units, g.started_at AS at
      FROM grants g JOIN members m ON m.id = g.member_id ORDER BY g.id`
    ).all();
    return rows.map(toRow);
  }
  /** Waiters queued before `waiterId`, first first. */
  waiters(waiterId) {
    const rows = this.db.prepare(
      `SELECT w.id, w.member_id, m.pid, m.run_id, m.env, w.step_id, w.units, w.since AS at
      FROM waiters w JOIN members m ON m.id = w.member_id WHERE w.id < ? ORDER BY w.id`
    ).all(waiterId);
    return rows.map(toRow);
  }
  capacityIn() {
    if (this.fixedCapacity !== void 0) return this.fixedCapacity;
    const row = this.db.prepare("SELECT MAX(capacity) AS c FROM members").get();
    return row.c ?? 1;
  }
  reclaimIn(now) {
    const members = this.db.prepare("SELECT id, pid, proc_start FROM members").all();
    const dead = members.filter((m) => !this.isAlive(m.pid, m.proc_start)).map((m) => m.id);
    const reclaimed = dead.length === 0 ? [] : this.grants().filter((g) => dead.includes(g.memberId));
    this.removeMembers(dead);
    this.db.prepare("DELETE FROM waiters WHERE seen_at < ?").run(now - STALE_WAITER_MS);
    return reclaimed;
  }
  removeMembers(ids) {
    for (const id of ids) {
      this.db.prepare("DELETE FROM grants WHERE member_id = ?").run(id);
      this.db.prepare("DELETE FROM waiters WHERE member_id = ?").run(id);
      this.db.prepare("DELETE FROM members WHERE id = ?").run(id);
    }
  }
}
export {
  LeaseMemberGone,
  LeaseStore
};
//# sourceMappingURL=lease-store.js.map
