// Run retention (disk.prune.keepRuns): every run leaves a directory under .tarmac/runs (journal, step logs, JUnit,
// triage, report), and nothing removed them, so a project's .tarmac grew by one per `up` or `test` for ever. At the
// start of a run, the directories of finished runs older than the newest `keep` go; the history database keeps what
// they taught (durations, outcomes, footprints). Only runs that ended by themselves: an abandoned run's directory is
// the evidence of what happened to it, and a live run's is in use.
import { rmSync } from 'node:fs';
import type { RunRecord } from './runs.js';

/**
 * The runs (oldest first, the current one left out) whose directories go when `keep` runs are kept with the current
 * one: dead, ended by themselves, and `settled` (no check of their leftovers is still to come).
 */
export function runsBeyondKeep(
  runs: readonly RunRecord[],
  keep: number,
  settled: (run: RunRecord) => boolean,
): RunRecord[] {
  // `runs` is sorted by id, and run ids begin with their start time; the current run is the newest and counts.
  const older = runs.slice(0, Math.max(0, runs.length - (keep - 1)));
  return older.filter((run) => run.liveness.state === 'dead' && run.finished && !run.abandoned && settled(run));
}

/** Removes the directories of `runs`; the ids of those removed. */
export function removeRunDirs(runs: readonly RunRecord[]): string[] {
  const removed: string[] = [];
  for (const run of runs) {
    rmSync(run.dir, { recursive: true, force: true });
    removed.push(run.id);
  }
  return removed;
}
