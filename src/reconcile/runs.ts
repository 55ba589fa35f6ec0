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
  /** It ended with `run.finished` outcome succeeded, written by itself: every step ended, nothing was killed. */
  succeeded: boolean;
  /** Its `run.finished` was written by a reconcile pass that found it dead before it finished. */
  abandoned: boolean;
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
    const ending = journalEnding(dir);
    let sign: number | undefined;
    records.push({
      id,
      dir,
      owner,
      liveness: liveness(owner, probe),
      finished: ending !== undefined,
      succeeded: ending?.outcome === 'succeeded' && ending.abandoned !== true,
      abandoned: ending?.abandoned === true,
      // Read when asked (an abandoned run, a working container to attribute): a pass over a long list of finished
      // runs reads no step logs at all (issue 16; every earlier run of the env is scanned on every start).
      get lastSignAt() {
        return (sign ??= lastSign(dir, owner.startedAt));
      },
    });
  }
  return records;
}

/** Whether the run's journal records `run.finished`. */
export function journalFinished(dir: string): boolean {
  return journalEnding(dir) !== undefined;
}

/** The journal's `run.finished` event (outcome, abandoned), or undefined when it has none. */
function journalEnding(dir: string): { outcome?: unknown; abandoned?: unknown } | undefined {
  const file = eventsFile(dir);
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  let tail: string;
  try {
    const size = statSync(file).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    tail = buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
  const at = tail.lastIndexOf(FINISHED);
  if (at < 0) return undefined;
  const line = tail.slice(tail.lastIndexOf('\n', at) + 1, (tail.indexOf('\n', at) + 1 || tail.length + 1) - 1);
  try {
    return JSON.parse(line) as { outcome?: unknown; abandoned?: unknown };
  } catch {
    // Finished, but its line cannot be read: finished, not known to have succeeded.
    return {};
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
