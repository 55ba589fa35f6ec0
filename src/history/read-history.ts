// Opens the history of one env for the reading commands; undefined when nothing was recorded yet.
import { historyExists, openHistory, type HistoryDb } from './store.js';

/** Runs `read` on the history file, or returns undefined when the file does not exist (never creates it). */
export function withHistory<T>(path: string, read: (db: HistoryDb) => T): T | undefined {
  if (!historyExists(path)) return undefined;
  const db = openHistory(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The line printed when there is no history yet. */
export function noHistoryText(path: string, env: string): string {
  return `no runs of ${env} recorded yet in ${path}; \`tarmac up\`, \`build\` and \`test\` record every run there\n`;
}
