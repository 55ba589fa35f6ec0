// The errors of JUnit ingestion: a file that is not there, and a file that is not JUnit XML.
import { TarmacError, ExitCode } from '../errors/errors.js';

const MALFORMED_HINT = 'the test command wrote something that is not JUnit XML';
const MAX_SHOWN_CHARS = 160;

/** Where an error points in the file (1-based). */
export interface XmlPosition {
  line: number;
  col: number;
}

/** JUNIT_MALFORMED: `file:line:col: reason`, with the offending line and a caret as details. */
export function junitMalformed(
  file: string,
  at: XmlPosition,
  reason: string,
  xml: string,
  cause?: unknown,
): TarmacError {
  return new TarmacError('JUNIT_MALFORMED', `${file}:${at.line}:${at.col}: ${reason}`, {
    exitCode: ExitCode.infrastructure,
    hint: MALFORMED_HINT,
    details: excerpt(xml, at),
    cause,
  });
}

/** JUNIT_MISSING: the JUnit file is not where test.junit says, naming where the command ran. */
export function junitMissing(
  shownPath: string,
  shownCwd: string,
  problem: string,
  details: string[] = [],
): TarmacError {
  return new TarmacError('JUNIT_MISSING', `JUnit XML ${shownPath} ${problem}`, {
    exitCode: ExitCode.infrastructure,
    hint: `check test.junit matches where the command writes it (the command ran in ${shownCwd})`,
    details,
  });
}

/** The line `at` points into, cut to a readable width, with a caret under the column. */
function excerpt(xml: string, at: XmlPosition): string[] {
  const line = xml.split(/\r\n|\r|\n/)[at.line - 1];
  if (line === undefined || line.trim() === '') return [];
  // Why: reporters often write everything on one line (pytest); show the part around the column.
  const start = Math.max(0, at.col - 1 - MAX_SHOWN_CHARS / 2);
  // Tabs become one space each so the caret lines up (the column counts a tab as one character).
  const shown = line.slice(start, start + MAX_SHOWN_CHARS).replace(/\t/g, ' ');
  const prefix = start > 0 ? '…' : '';
  return [
    `${prefix}${shown}${start + MAX_SHOWN_CHARS < line.length ? '…' : ''}`,
    `${' '.repeat(prefix.length + at.col - 1 - start)}^`,
  ];
}
