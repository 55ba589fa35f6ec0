// Reads a run journal back, validating every line against the protocol (protocol.ts). A line that is not valid
// JSON, not an object or not a known event of this protocol version is skipped with a warning naming the file
// and line; reading never throws for a bad line. A torn last line (the writer was killed mid-write) is expected
// after a crash and skipped without a warning.
import { readFileSync } from 'node:fs';
import { JOURNAL_PROTOCOL_VERSION, type TarmacEvent } from '../events/types.js';
import { lineSchema } from './protocol.js';
import { eventsFile } from './run-dir.js';
import { safeText } from '../ui/safe-text.js';

/** Receives one line per skipped journal line: `<file>:<line>: <why>; skipped`. */
export type JournalWarn = (message: string) => void;

/** The warning sink of readers that have no output of their own (history, reconcile, CI): stderr. */
// The line quotes the bad journal line: escaped, so a crafted run dir cannot drive the terminal.
export const warnOnStderr: JournalWarn = (message) => void process.stderr.write(`warning: ${safeText(message)}\n`);

/** All valid events of a run directory, in order; every invalid line is skipped and reported to `warn`. */
export function readJournal(runDir: string, warn: JournalWarn = warnOnStderr): TarmacEvent[] {
  const file = eventsFile(runDir);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const events: TarmacEvent[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const parsed = parseLine(line);
    if ('event' in parsed) events.push(parsed.event);
    // The last line has no newline after it when its write never finished: torn, not corrupt.
    else if (!(index === lines.length - 1 && !parsed.json)) warn(`${file}:${index + 1}: ${parsed.why}; skipped`);
  }
  return events;
}

type Parsed = { event: TarmacEvent } | { why: string; json: boolean };

/** One line as an event, or why it is not one. */
export function parseLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { why: 'not valid JSON', json: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      why: `not an event object (${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`,
      json: true,
    };
  const v = (value as { v?: unknown }).v;
  if (v !== JOURNAL_PROTOCOL_VERSION)
    return {
      why:
        v === undefined
          ? `no protocol version (written by a tarmac older than journal protocol v${JOURNAL_PROTOCOL_VERSION})`
          : `journal protocol v${String(v)}, this tarmac reads v${JOURNAL_PROTOCOL_VERSION}`,
      json: true,
    };
  const result = lineSchema().safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const type = (value as { type?: unknown }).type;
    if (issue?.path.join('.') === 'type') return { why: `unknown event type ${JSON.stringify(type)}`, json: true };
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return {
      why: `not a valid ${typeof type === 'string' ? type : 'event'}${where}: ${issue?.message ?? 'invalid'}`,
      json: true,
    };
  }
  const { v: _version, ...event } = result.data;
  return { event };
}
