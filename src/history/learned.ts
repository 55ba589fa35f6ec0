// Learned estimates for the planner (step durations, suite footprints), read by the CLI before a run: never fails it.
import type { LearnedFootprint } from '../plan/suite-footprint.js';
import type { StepId } from '../plan/types.js';
import { readLearnedDurations } from './expected.js';
import { readLearnedFootprints } from './footprints.js';

/** The env's learned step durations (readLearnedDurations) as a map for planUp/planBuild; on an unreadable history, warns and returns none. */
export function learnedDurations(
  historyPath: string,
  envName: string,
  warn: (message: string) => void,
): Map<StepId, number> {
  return orNone(
    historyPath,
    'estimates',
    warn,
    () => new Map(Object.entries(readLearnedDurations(historyPath, envName))),
  );
}

/** The env's learned suite footprints (readLearnedFootprints); on an unreadable history, warns and returns none. */
export function learnedFootprints(
  historyPath: string,
  envName: string,
  warn: (message: string) => void,
): Map<string, LearnedFootprint> {
  return orNone(historyPath, 'suite footprints', warn, () => readLearnedFootprints(historyPath, envName));
}

function orNone<K, V>(path: string, what: string, warn: (message: string) => void, read: () => Map<K, V>): Map<K, V> {
  try {
    return read();
  } catch (error) {
    warn(
      `history: planning with default ${what}; could not read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new Map();
  }
}
