// The session's history recorder: subscribed to the event bus, it writes every event to the history
// file as it happens. It never breaks a run: any database error is reported once and recording stops.
import type { TarmacEvent } from '../events/types.js';
import { HistoryWriter, type RunMeta } from './apply.js';
import { settleUnfinished } from './settle.js';
import { openHistory, type HistoryDb } from './store.js';

export interface HistoryRecorder {
  /** Subscribe this to the bus. */
  listener: (event: TarmacEvent) => void;
  /** Brings earlier unfinished runs of this env up to date with their journals (after reconcile marked them abandoned). */
  settle(currentRunId: string): void;
  close(): void;
}

export interface RecorderOptions extends RunMeta {
  path: string;
  /** Called at most once, with what went wrong; the run goes on without history. */
  warn: (message: string) => void;
}

/** Opens the history file for one run; if it cannot be opened, returns a recorder that only warned. */
export function openRecorder(opts: RecorderOptions): HistoryRecorder {
  let db: HistoryDb | undefined;
  let writer: HistoryWriter | undefined;
  const fail = (error: unknown): void => {
    // One warning, then no more writes: a broken file must not cost a timeout or a line per event.
    opts.warn(
      `history: not recording this run in ${opts.path}: ${error instanceof Error ? error.message : String(error)}`,
    );
    writer = undefined;
    try {
      db?.close();
    } catch {
      // Already unusable; nothing more to do.
    }
    db = undefined;
  };
  try {
    db = openHistory(opts.path);
    writer = new HistoryWriter(db, opts);
  } catch (error) {
    fail(error);
  }
  return {
    listener(event) {
      if (!writer) return;
      try {
        writer.apply(event);
      } catch (error) {
        fail(error);
      }
    },
    settle(currentRunId) {
      if (!db) return;
      try {
        settleUnfinished(db, opts.env, currentRunId);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      writer = undefined;
      db?.close();
      db = undefined;
    },
  };
}
