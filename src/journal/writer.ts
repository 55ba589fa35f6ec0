// Append-only run journal: `.tarmac/runs/<id>/events.jsonl` plus one log file per step.
// Every line is written with a synchronous write so a tarmac killed with SIGKILL leaves a readable journal.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../files/private.js';
import type { TarmacEvent } from '../events/types.js';
import { eventsFile, runDir, stepLogFile, stepsDir } from './run-dir.js';
import { journalLine } from './line.js';

export interface Journal {
  dir: string;
  listener: (event: TarmacEvent) => void;
  close(): void;
}

/** Opens the journal of one run under `<stateDir>/runs/<runId>`. */
export function openJournal(stateDir: string, runId: string): Journal {
  const dir = runDir(stateDir, runId);
  makePrivateDir(stateDir);
  mkdirSync(stepsDir(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  const events = openSync(eventsFile(dir), 'a', PRIVATE_FILE_MODE);
  const logs = new Map<string, number>();
  const logFd = (stepId: string) => {
    let fd = logs.get(stepId);
    if (fd === undefined) {
      fd = openSync(stepLogFile(dir, stepId), 'a', PRIVATE_FILE_MODE);
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
