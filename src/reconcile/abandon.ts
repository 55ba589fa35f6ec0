// Finishes the journal of a run whose tarmac died: an `incident` (kind reconciled) saying what was found,
// then `run.finished` with `abandoned: true`, so history and triage can tell a crash from a failure.
import { appendFileSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { TarmacEvent } from '../events/types.js';
import { journalLine } from '../journal/line.js';
import { readJournal } from '../journal/reader.js';
import type { RunRecord } from './runs.js';
import { eventsFile } from '../journal/run-dir.js';

/** What the dead run's journal said about its last moments. */
export interface AbandonedRun {
  id: string;
  pid: number;
  command: string;
  /** Why the owner counts as dead, e.g. `tarmac (pid 4242) is gone`. */
  why: string;
  /** Steps that had started and not finished. */
  running: string[];
  /** The last complete event, if there was one. */
  lastEvent?: { type: string; at: number };
  lastSignAt: number;
}

/** Reads what the dead run was doing, then appends the closing events to its journal. */
export function markAbandoned(run: RunRecord, byRunId: string, now: number): AbandonedRun {
  const file = eventsFile(run.dir);
  const events = existsSync(file) ? readJournal(run.dir) : [];
  const running = stillRunning(events);
  const last = events.at(-1);
  const why = run.liveness.state === 'dead' ? run.liveness.why : `tarmac (pid ${run.owner.pid}) is gone`;
  const found: AbandonedRun = {
    id: run.id,
    pid: run.owner.pid,
    command: run.owner.command,
    why,
    running,
    lastSignAt: run.lastSignAt,
    ...(last ? { lastEvent: { type: last.type, at: last.at } } : {}),
  };
  // Stamped with the run's last sign of life, so its timeline ends where the run really stopped.
  const at = Math.round(run.lastSignAt);
  const evidence = [
    `${why}; the journal has no run.finished`,
    `last written ${new Date(at).toISOString()}${last ? ` (last event: ${last.type})` : ''}`,
    ...(running.length > 0 ? [`steps still running then: ${running.join(', ')}`] : []),
    `found at ${new Date(now).toISOString()} by run ${byRunId}`,
  ];
  const closing: TarmacEvent[] = [
    {
      at,
      runId: run.id,
      type: 'incident',
      kind: 'reconciled',
      cause: { type: 'abandoned', runId: run.id, pid: run.owner.pid, command: run.owner.command },
      message: `tarmac ${run.owner.command} ended without finishing this run (killed or crashed)`,
      evidence,
      stepIds: running,
      action: 'marked abandoned; leftovers cleaned by the next run',
    },
    {
      at,
      runId: run.id,
      type: 'run.finished',
      outcome: 'failed',
      durationMs: Math.max(0, at - run.owner.startedAt),
      abandoned: true,
    },
  ];
  // A torn last line (killed mid-write) must not swallow the first appended event.
  const prefix = endsWithNewline(file) ? '' : '\n';
  appendFileSync(file, prefix + closing.map(journalLine).join(''));
  return found;
}

/** Step ids with a step.started and no step.finished after it. */
export function stillRunning(events: readonly TarmacEvent[]): string[] {
  const running = new Set<string>();
  for (const event of events) {
    if (event.type === 'step.started') running.add(event.stepId);
    else if (event.type === 'step.finished') running.delete(event.stepId);
  }
  return [...running];
}

function endsWithNewline(file: string): boolean {
  if (!existsSync(file)) return true;
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}
