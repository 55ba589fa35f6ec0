// Renders any error once, for people, and picks its exit code.
import { ConfigError, ExitCode, TarmacError, toTarmacError } from '../errors/errors.js';
import { formatProblems } from '../config/format.js';
import type { Colors } from '../ui/colors.js';
import { safeText } from '../ui/safe-text.js';
import { sourceStack } from './source-stack.js';

/** The text to print for an error (ends with a newline). */
export function renderError(err: unknown, cwd: string, c: Colors): string {
  if (err instanceof ConfigError) {
    const n = err.problems.length;
    return `${safeText(formatProblems(err, cwd))}\n${c.red('error[CONFIG_INVALID]')}: ${n} problem${n === 1 ? '' : 's'} in the config; fix ${n === 1 ? 'it' : 'them'} and run \`tarmac validate\` again\n`;
  }
  const e = toTarmacError(err);
  const lines = errorLines(`${c.red(`error[${e.code}]`)}: `, e, c);
  if (e.code === 'INTERNAL' && err instanceof Error && err.stack) lines.push(c.dim(safeText(sourceStack(err.stack))));
  return `${lines.join('\n')}\n`;
}

/**
 * An error as lines, the first starting with `lead` (tarmac's own, coloured): message, `| detail` lines, hint. Messages quote config
 * values and command output, so they are escaped here and cannot drive the terminal; the run summaries use it too.
 */
export function errorLines(lead: string, e: TarmacError, c: Colors): string[] {
  const lines = [`${lead}${safeText(e.message)}`];
  for (const d of e.details) lines.push(c.dim(`  | ${safeText(d)}`));
  if (e.hint) lines.push(`  ${c.bold('hint')}: ${safeText(e.hint)}`);
  return lines;
}

/** The exit code for an error. */
export function exitCodeOf(err: unknown): number {
  return err instanceof TarmacError ? err.exitCode : ExitCode.internal;
}
