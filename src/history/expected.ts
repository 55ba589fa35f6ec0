// Learned step durations: what history says each step of an env usually takes when it does real work.
import { historyExists, openHistory, type HistoryDb } from './store.js';
import { median } from './percentiles.js';

/** How many of the most recent runs of a step count: recent enough to follow a changing project. */
const SAMPLES = 20;

/**
 * Step id -> median ms of the earlier succeeded, non-cached runs of that step in `envName` (its last 20).
 * `{}` when the file does not exist; throws HISTORY_TOO_NEW for a file of a newer tarmac.
 */
export function readExpectedDurations(
  historyPath: string,
  envName: string,
  options: { excludeRunId?: string } = {},
): Record<string, number> {
  return withFile(historyPath, (db) => medians(db, envName, options.excludeRunId ?? '', "s.state = 'succeeded'"));
}

/**
 * The planner's estimates: readExpectedDurations, plus, for a step that never did real work but was found done
 * at run time (a delivery into the engine the podman target shares, a reused cluster), the median of those runs.
 */
export function readLearnedDurations(historyPath: string, envName: string): Record<string, number> {
  return withFile(historyPath, (db) => ({
    ...medians(db, envName, '', "s.state = 'cached' AND s.started IS NOT NULL"),
    ...medians(db, envName, '', "s.state = 'succeeded'"),
  }));
}

function withFile(path: string, read: (db: HistoryDb) => Record<string, number>): Record<string, number> {
  if (!historyExists(path)) return {};
  const db = openHistory(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

// `where` is one of the two fixed conditions above, never user input.
function medians(db: HistoryDb, envName: string, excludeRunId: string, where: string): Record<string, number> {
  const rows = db
    .prepare(
      `
    SELECT s.step_id AS id, s.duration_ms AS ms FROM steps s JOIN runs r ON r.id = s.run_id
    WHERE r.env = ? AND r.id != ? AND ${where} AND s.duration_ms IS NOT NULL
    ORDER BY r.started DESC`,
    )
    .all(envName, excludeRunId) as { id: string; ms: number }[];
  const samples = new Map<string, number[]>();
  for (const row of rows) {
    const list = samples.get(row.id) ?? [];
    if (list.length < SAMPLES) list.push(row.ms);
    samples.set(row.id, list);
  }
  return Object.fromEntries([...samples].map(([id, list]) => [id, Math.round(median(list))]));
}
