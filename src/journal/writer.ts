// Append-only run journal: `.tarmac/runs/<id>/events.jsonl` plus one log file per step.
// Every line is written with a synchronous write so a tarmac killed with SIGKILL leaves a readable journal.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TarmacEvent } from '../events/types.js';
import { journalLine } from './protocol.js';

export interface Journal {
  dir: string;
  listener: (event: TarmacEvent) => void;
  close(): void;
}

/** Safe file name for a step id (`build:holmesgpt-api` -> `build_holmesgpt-api.log`). */
export function stepLogName(stepId: string): string {
  return `${stepId.replace(/[^a-zA-Z0-9._-]/g, '_')}.log`;
}

/** Opens the journal of one run under `<stateDir>/runs/<runId>`. */
export function openJournal(stateDir: string, runId: string): Journal {
  const dir = join(stateDir, 'runs', runId);
  mkdirSync(join(dir, 'steps'), { recursive: true });
  const events = openSync(join(dir, 'events.jsonl'), 'a');
  const logs = new Map<string, number>();
  const logFd = (stepId: string) => {
    let fd = logs.get(stepId);
    if (fd === undefined) {
      fd = openSync(join(dir, 'steps', stepLogName(stepId)), 'a');
      logs.set(stepId, fd);
    }
    return fd;
  };
  return {
    dir,
    listener(event) {
      // Output lines go to the step's own log; the event file keeps the structure readable.
      if (event.type === 'step.output') writeSync(logFd(event.stepId), `${event.line}\n`);
      else writeSync(events, journalLine(event));
    },
    close() {
      for (const fd of logs.values()) closeSync(fd);
      closeSync(events);
    },
  };
}
