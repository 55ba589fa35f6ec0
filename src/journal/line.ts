// How an event is written as one journal line: `{ "v": <protocol version>, ...event }` and a newline. Apart from the
// reader's schema (protocol.ts) because every run writes its journal, and building that schema costs about 6 ms of
// every command's start (issue 16); only reading a journal back needs it.
import { JOURNAL_PROTOCOL_VERSION, type TarmacEvent } from '../events/types.js';

/** The text of one journal line for an event (with its trailing newline). */
export function journalLine(event: TarmacEvent): string {
  return `${JSON.stringify({ v: JOURNAL_PROTOCOL_VERSION, ...event })}\n`;
}
