// Learned durations for the planner, read by the CLI before a run: never fails the run.
import type { StepId } from '../plan/types.js';
import { readLearnedDurations } from './expected.js';

/** The env's learned step durations (readLearnedDurations) as a map for planUp/planBuild; on an unreadable history, warns and returns none. */
export function learnedDurations(
  historyPath: string,
  envName: string,
  warn: (message: string) => void,
): Map<StepId, number> {
  try {
    return new Map(Object.entries(readLearnedDurations(historyPath, envName)));
  } catch (error) {
    warn(
      `history: planning with default estimates; could not read ${historyPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new Map();
  }
}
