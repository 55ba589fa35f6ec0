// Reads a run journal back; tolerates a torn last line (the writer may have been killed mid-write).
import { readFileSync } from 'node:fs';
import type { TarmacEvent } from '../events/types.js';
import { eventsFile } from './run-dir.js';

/** All complete events of a run directory, in order. */
export function readJournal(runDir: string): TarmacEvent[] {
  const text = readFileSync(eventsFile(runDir), 'utf8');
  const events: TarmacEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as TarmacEvent);
    } catch {
      // A torn final line after a crash: everything before it is still good.
    }
  }
  return events;
}
