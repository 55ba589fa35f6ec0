// The earlier runs of an env, from `.tarmac/runs/*`: who owned each, whether that process still lives,
// whether the journal was finished, and the last time the run wrote anything.
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { liveness, type Liveness, type ProcessProbe } from './liveness.js';
import { readRunOwner, type RunOwner } from './owner.js';
import { eventsFile, runDir, runsRoot, stepsDir } from '../journal/run-dir.js';

/** One earlier run as reconciliation sees it. */
export interface RunRecord {
  id: string;
  dir: string;
  owner: RunOwner;
  liveness: Liveness;
  /** The journal ends with `run.finished`. */
  finished: boolean;
  /** Newest modification time of its journal files (ms): the run was alive until at least then. */
  lastSignAt: number;
}

// run.finished is the last event of a journal, so the end of the file is enough to find it.
const TAIL_BYTES = 16 * 1024;
const FINISHED = '"type":"run.finished"';

/** Every earlier run that has an owner record, oldest first; `currentRunId` is left out. */
export function scanRuns(stateDir: string, currentRunId: string, probe: ProcessProbe): RunRecord[] {
  const root = runsRoot(stateDir);
  if (!existsSync(root)) return [];
  const records: RunRecord[] = [];
  for (const id of readdirSync(root).sort()) {
    if (id === currentRunId) continue;
    const dir = runDir(stateDir, id);
    const owner = readRunOwner(dir);
    // Without an owner record (older tarmac, or a run being set up right now) nothing can be said safely.
    if (!owner) continue;
    records.push({
      id,
      dir,
      owner,
      liveness: liveness(owner, probe),
      finished: journalFinished(dir),
      lastSignAt: lastSign(dir, owner.startedAt),
    });
  }
  return records;
}

/** Whether the run's journal records `run.finished`. */
export function journalFinished(dir: string): boolean {
  const file = eventsFile(dir);
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').includes(FINISHED);
  } finally {
    closeSync(fd);
  }
}

/** The newest mtime of events.jsonl and the step logs, at least `floor`. */
function lastSign(dir: string, floor: number): number {
  let newest = floor;
  const files = [eventsFile(dir)];
  const steps = stepsDir(dir);
  if (existsSync(steps)) for (const name of readdirSync(steps)) files.push(join(steps, name));
  for (const file of files) {
    try {
      newest = Math.max(newest, statSync(file).mtimeMs);
    } catch {
      // Removed while we looked: it tells us nothing.
    }
  }
  return newest;
}
