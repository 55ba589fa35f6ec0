// Runs of this env that the history still shows unfinished, brought up to date from their journals:
// a tarmac killed with SIGKILL never recorded its end, but the next run's reconcile appended
// `run.finished` (abandoned) to its journal. The journal is the source of truth, so the run is replayed.
import { existsSync } from 'node:fs';
import { readJournal } from '../journal/reader.js';
import { HistoryWriter } from './apply.js';
import type { HistoryDb } from './store.js';
import { eventsFile } from '../journal/run-dir.js';

interface Unfinished {
  id: string;
  dir: string | null;
  label: string | null;
}

/** Replays the journal of every unfinished run of `env` (other than the current one) that has since finished. */
export function settleUnfinished(db: HistoryDb, env: string, currentRunId: string): string[] {
  const rows = db
    .prepare('SELECT id, dir, label FROM runs WHERE env = ? AND finished IS NULL AND id != ?')
    .all(env, currentRunId) as Unfinished[];
  const settled: string[] = [];
  for (const row of rows) {
    if (!row.dir || !existsSync(eventsFile(row.dir))) continue;
    const events = readJournal(row.dir).filter((e) => e.runId === row.id);
    if (!events.some((e) => e.type === 'run.finished')) continue;
    replayRun(db, { id: row.id, env, dir: row.dir, label: row.label }, events);
    settled.push(row.id);
  }
  return settled;
}

/** Rewrites one run's rows from its whole event list, in one transaction. */
export function replayRun(
  db: HistoryDb,
  run: { id: string; env: string; dir: string; label: string | null },
  events: Parameters<HistoryWriter['apply']>[0][],
): void {
  const writer = new HistoryWriter(db, {
    env: run.env,
    dir: run.dir,
    ...(run.label === null ? {} : { label: run.label }),
  });
  db.transaction(() => {
    // ON DELETE CASCADE removes its steps, incidents and test results.
    db.prepare('DELETE FROM runs WHERE id = ?').run(run.id);
    // Nested transactions become savepoints, so each event still applies atomically.
    for (const event of events) writer.apply(event);
  })();
}
