// The per-env lock: `up`, `test` and `down` of one env never interleave. One row in `<stateDir>/env-lock.db`
// names the holder; taking it is a BEGIN IMMEDIATE transaction, so two processes that both find the holder dead
// cannot both take it over (a lock file would need compare-and-swap for that, which plain files do not offer).
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TarmacError } from '../errors/errors.js';
import { sleep } from '../watch/timeout.js';
import { isProcessAlive, processStartTime, type LivenessCheck } from './process-identity.js';

/** Who holds an env: one tarmac process running one command. */
export interface EnvLockHolder {
  pid: number;
  procStart: string | null;
  command: string;
  /** When it took the lock, ms since the epoch. */
  since: number;
}

/**
 * One try: taken (maybe from a dead holder; `lastReleasedAt`: when a holder last released it, if ever), or held by a
 * live process.
 */
export type EnvLockAttempt =
  { taken: true; tookOverFrom?: EnvLockHolder; lastReleasedAt?: number } | { taken: false; holder: EnvLockHolder };

/** A taken lock. */
export interface EnvLock {
  release(): void;
  /**
   * Whether no other run held the env at any moment since `at` (ms since the epoch): it was taken at the first try,
   * from nobody, and nobody released it since `at`. What a read started at `at` saw is then still the env as runs left
   * it (issue 16: the read ahead of `tarmac test`).
   */
  untouchedSince(at: number): boolean;
}

// `released` keeps when the lock was last given back, so a taker can tell whether a run came and went since a moment.
const SCHEMA = `CREATE TABLE IF NOT EXISTS holder (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pid INTEGER NOT NULL, proc_start TEXT, command TEXT NOT NULL, since INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS released (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL)`;

interface HolderRow {
  pid: number;
  proc_start: string | null;
  command: string;
  since: number;
}

const toHolder = (row: HolderRow): EnvLockHolder => ({
  pid: row.pid,
  procStart: row.proc_start,
  command: row.command,
  since: row.since,
});

/** The lock's database for one state dir; `me` is this process (tests pass another identity). */
export class EnvLockStore {
  private readonly db: Database.Database;

  constructor(
    stateDir: string,
    private readonly me: { pid: number; procStart: string | null } = {
      pid: process.pid,
      procStart: processStartTime(process.pid),
    },
    private readonly alive: LivenessCheck = isProcessAlive,
  ) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const file = join(stateDir, 'env-lock.db');
    this.db = new Database(file, { timeout: 5000 });
    chmodSync(file, 0o600);
    // Why WAL and NORMAL: every take and release was a write synced to disk (about 10 ms each on the critical path
    // of `tarmac test`, issue 16). A lock needs no durability across a power loss (its holder died with the host and
    // is taken over), and WAL keeps the file consistent whatever happens.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
  }

  /** Takes the lock when it is free, already ours, or held by a process that is gone. */
  tryTake(command: string, now = Date.now()): EnvLockAttempt {
    return this.db
      .transaction((): EnvLockAttempt => {
        const row = this.db.prepare('SELECT pid, proc_start, command, since FROM holder WHERE id = 1').get() as
          HolderRow | undefined;
        const mine = row !== undefined && row.pid === this.me.pid && row.proc_start === this.me.procStart;
        if (row !== undefined && !mine && this.alive(row.pid, row.proc_start))
          return { taken: false, holder: toHolder(row) };
        this.db
          .prepare('INSERT OR REPLACE INTO holder (id, pid, proc_start, command, since) VALUES (1, ?, ?, ?, ?)')
          .run(this.me.pid, this.me.procStart, command, now);
        const released = this.db.prepare('SELECT at FROM released WHERE id = 1').get() as { at: number } | undefined;
        return {
          taken: true,
          ...(row !== undefined && !mine ? { tookOverFrom: toHolder(row) } : {}),
          ...(released ? { lastReleasedAt: released.at } : {}),
        };
      })
      .immediate();
  }

  /** Frees the lock if this process holds it (never another's), noting when. */
  release(now = Date.now()): void {
    this.db
      .transaction(() => {
        const freed = this.db
          .prepare('DELETE FROM holder WHERE id = 1 AND pid = ? AND proc_start IS ?')
          .run(this.me.pid, this.me.procStart);
        if (freed.changes > 0) this.db.prepare('INSERT OR REPLACE INTO released (id, at) VALUES (1, ?)').run(now);
      })
      .immediate();
  }

  close(): void {
    this.db.close();
  }
}

export interface AcquireEnvLockOptions {
  stateDir: string;
  envName: string;
  command: string;
  /** false: refuse at once when another live process holds the env (`--no-wait`). */
  wait: boolean;
  signal: AbortSignal;
  /** Said once when the wait begins, and again every `remindMs` while it lasts. */
  onWait: (holder: EnvLockHolder, waitedMs: number) => void;
  /** Said when the lock is taken from a process that died holding it. */
  onTakeover: (holder: EnvLockHolder) => void;
  store?: EnvLockStore;
  pollMs?: number;
  remindMs?: number;
}

/** Takes the env's lock, waiting for as long as a live holder runs. */
export async function acquireEnvLock(o: AcquireEnvLockOptions): Promise<EnvLock> {
  const store = o.store ?? new EnvLockStore(o.stateDir);
  const started = Date.now();
  let lastSaid = -Infinity;
  let tries = 0;
  try {
    for (;;) {
      const attempt = store.tryTake(o.command);
      tries += 1;
      if (attempt.taken) {
        if (attempt.tookOverFrom) o.onTakeover(attempt.tookOverFrom);
        const firstTry = tries === 1 && attempt.tookOverFrom === undefined;
        return {
          release: () => {
            store.release();
            store.close();
          },
          untouchedSince: (at) => firstTry && (attempt.lastReleasedAt === undefined || attempt.lastReleasedAt < at),
        };
      }
      if (!o.wait) throw envLocked(o.envName, attempt.holder);
      const waited = Date.now() - started;
      if (waited - lastSaid >= (o.remindMs ?? 30_000)) {
        // The first call says the wait began (0); later ones how long it has lasted.
        o.onWait(attempt.holder, lastSaid === -Infinity ? 0 : waited);
        lastSaid = waited;
      }
      await sleep(o.pollMs ?? 250, o.signal);
      if (o.signal.aborted) throw new TarmacError('CANCELLED', `cancelled while waiting for env ${o.envName}`);
    }
  } catch (err) {
    store.close();
    throw err;
  }
}

/** "tarmac up (pid 123)": how a holder is named in messages. */
export function describeHolder(holder: EnvLockHolder): string {
  return `tarmac ${holder.command} (pid ${holder.pid})`;
}

function envLocked(envName: string, holder: EnvLockHolder): TarmacError {
  return new TarmacError('ENV_LOCKED', `env ${envName} is in use by ${describeHolder(holder)}`, {
    hint: 'Wait for it to finish (run again without --no-wait to wait for it), or stop that process.',
  });
}
