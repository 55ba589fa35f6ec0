import Database from "better-sqlite3";
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { TarmacError } from "../errors/errors.js";
import { sleep } from "../watch/timeout.js";
import { isProcessAlive, processStartTime } from "./process-identity.js";
const SCHEMA = `CREATE TABLE IF NOT EXISTS holder (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL, proc_start TEXT, command TEXT NOT NULL, since INTEGER NOT NULL)`;
const toHolder = (row) => ({
  pid: row.pid,
  procStart: row.proc_start,
  command: row.command,
  since: row.since
});
class EnvLockStore {
  constructor(stateDir, me = {
    pid: process.pid,
    procStart: processStartTime(process.pid)
  }, alive = isProcessAlive) {
    this.me = me;
    this.alive = alive;
    mkdirSync(stateDir, { recursive: true, mode: 448 });
    const file = join(stateDir, "env-lock.db");
    this.db = new Database(file, { timeout: 5e3 });
    chmodSync(file, 384);
    this.db.exec(SCHEMA);
  }
  me;
  alive;
  db;
  /** Takes the lock when it is free, already ours, or held by a process that is gone. */
  tryTake(command, now = Date.now()) {
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT pid, proc_start, command, since FROM holder WHERE id = 1").get();
      const mine = row !== void 0 && row.pid === this.me.pid && row.proc_start === this.me.procStart;
      if (row !== void 0 && !mine && this.alive(row.pid, row.proc_start))
        return { taken: false, holder: toHolder(row) };
      this.db.prepare("INSERT OR REPLACE INTO holder (id, pid, proc_start, command, since) VALUES (1, ?, ?, ?, ?)").run(this.me.pid, this.me.procStart, command, now);
      return row !== void 0 && !mine ? { taken: true, tookOverFrom: toHolder(row) } : { taken: true };
    }).immediate();
  }
  /** Frees the lock if this process holds it (never another's). */
  release() {
    this.db.prepare("DELETE FROM holder WHERE id = 1 AND pid = ? AND proc_start IS ?").run(this.me.pid, this.me.procStart);
  }
  close() {
    this.db.close();
  }
}
async function acquireEnvLock(o) {
  const store = o.store ?? new EnvLockStore(o.stateDir);
  const started = Date.now();
  let lastSaid = -Infinity;
  try {
    for (; ; ) {
      const attempt = store.tryTake(o.command);
      if (attempt.taken) {
        if (attempt.tookOverFrom) o.onTakeover(attempt.tookOverFrom);
        return () => {
          store.release();
          store.close();
        };
      }
      if (!o.wait) throw envLocked(o.envName, attempt.holder);
      const waited = Date.now() - started;
      if (waited - lastSaid >= (o.remindMs ?? 3e4)) {
        o.onWait(attempt.holder, lastSaid === -Infinity ? 0 : waited);
        lastSaid = waited;
      }
      await sleep(o.pollMs ?? 250, o.signal);
      if (o.signal.aborted) throw new TarmacError("CANCELLED", `cancelled while waiting for env ${o.envName}`);
    }
  } catch (err) {
    store.close();
    throw err;
  }
}
function describeHolder(holder) {
  return `tarmac ${holder.command} (pid ${holder.pid})`;
}
function envLocked(envName, holder) {
  return new TarmacError("ENV_LOCKED", `env ${envName} is in use by ${describeHolder(holder)}`, {
    hint: "Wait for it to finish (run again without --no-wait to wait for it), or stop that process."
  });
}
export {
  EnvLockStore,
  acquireEnvLock,
  describeHolder
};
//# sourceMappingURL=env-lock.js.map
