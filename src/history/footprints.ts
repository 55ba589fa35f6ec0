// Learned suite footprints: the most memory each suite's containers were seen using in its recent runs of an env
// (run_suites, from the suites run's `suite.memory` events). The highest recent peak, not a median: a footprint
// that is too small lets suites run side by side into the host's memory.
import type { LearnedFootprint } from '../plan/suite-footprint.js';
import { withHistory } from './read-history.js';
import type { HistoryDb } from './store.js';

/** How many of a suite's most recent measured runs count: recent enough to follow a growing project. */
const RUNS = 10;

/** Suite -> its learned footprint in `envName`; empty without a history file. Throws HISTORY_TOO_NEW for a newer file. */
export function readLearnedFootprints(historyPath: string, envName: string): Map<string, LearnedFootprint> {
  return withHistory(historyPath, (db) => footprints(db, envName)) ?? new Map();
}

function footprints(db: HistoryDb, envName: string): Map<string, LearnedFootprint> {
  const rows = db
    .prepare(
      `
    SELECT rs.suite AS suite, rs.peak_memory_bytes AS bytes FROM run_suites rs JOIN runs r ON r.id = rs.run_id
    WHERE r.env = ? AND rs.peak_memory_bytes IS NOT NULL
    ORDER BY r.started DESC`,
    )
    .all(envName) as { suite: string; bytes: number }[];
  const learned = new Map<string, LearnedFootprint>();
  for (const row of rows) {
    const known = learned.get(row.suite) ?? { bytes: 0, runs: 0 };
    if (known.runs >= RUNS) continue;
    learned.set(row.suite, { bytes: Math.max(known.bytes, row.bytes), runs: known.runs + 1 });
  }
  return learned;
}
