// Reading a JUnit XML file from disk: a missing file is JUNIT_MISSING, naming where the command
// ran and which XML files are there instead; the content goes to parseJUnit.
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { TarmacError, ExitCode } from '../errors/errors.js';
import { junitMissing } from './errors.js';
import { parseJUnit } from './junit.js';
import type { JUnitReport } from './types.js';

const MAX_LISTED = 5;

/** Where paths are shown relative to, and where the test command ran (for the hint). */
export interface JUnitReadContext {
  /** Directory of the config file; paths in messages are relative to it. */
  configDir?: string;
  /** Working directory of the test command. */
  cwd?: string;
}

/** Reads and parses the JUnit XML at `path`. Throws JUNIT_MISSING or JUNIT_MALFORMED (both exit 4). */
export async function readJUnit(path: string, context: JUnitReadContext = {}): Promise<JUnitReport> {
  const shown = shownPath(path, context.configDir);
  const cwd = shownPath(context.cwd ?? dirname(path), context.configDir);
  let xml: string;
  try {
    xml = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw junitMissing(shown, cwd, 'does not exist', await xmlFilesBeside(path, context.configDir));
    if (code === 'EISDIR') throw junitMissing(shown, cwd, 'is a directory, not a file');
    throw new TarmacError('JUNIT_UNREADABLE', `could not read JUnit XML ${shown}: ${(error as Error).message}`, {
      exitCode: ExitCode.infrastructure,
      hint: "check the file's permissions",
      cause: error,
    });
  }
  return parseJUnit(xml, shown);
}

/** `path` relative to `base` when it is inside it ("." for base itself), else absolute. */
export function shownPath(path: string, base: string | undefined): string {
  if (base === undefined) return path;
  const rel = relative(base, path);
  if (rel === '') return '.';
  return /^\.\.($|[\\/])/.test(rel) || isAbsolute(rel) ? path : rel;
}

/** A details line listing the XML files next to where the JUnit file was expected, if any. */
async function xmlFilesBeside(path: string, configDir: string | undefined): Promise<string[]> {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined) return [`the directory ${shownPath(dir, configDir)} does not exist either`];
  const xml = names.filter((n) => n.toLowerCase().endsWith('.xml') && n !== basename(path)).sort();
  if (xml.length === 0) return [`no .xml file in ${shownPath(dir, configDir)}`];
  const listed = xml.slice(0, MAX_LISTED).join(', ') + (xml.length > MAX_LISTED ? `, … (${xml.length} in all)` : '');
  return [`.xml files in ${shownPath(dir, configDir)}: ${listed}`];
}
