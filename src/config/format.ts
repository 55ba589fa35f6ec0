// Renders config problems for people: `tarmac.yaml:12:5 images[1].weight: message` and a hint line.
import path from 'node:path';
import type { ConfigError, ConfigProblem } from '../errors/errors.js';

/** Every problem of a ConfigError, one per line plus its hint, file paths relative to `cwd`. */
export function formatProblems(err: ConfigError, cwd: string): string {
  return formatProblemList(err.problems, cwd);
}

/** Warnings from loadEnvWithWarnings, in the same format with `warning:` before the message. */
export function formatWarnings(warnings: readonly ConfigProblem[], cwd: string): string {
  return formatProblemList(warnings, cwd, 'warning: ');
}

/** Lines for any list of located problems. */
export function formatProblemList(problems: readonly ConfigProblem[], cwd: string, prefix = ''): string {
  return problems
    .map((p) => {
      const where = `${path.relative(cwd, p.file) || p.file}:${p.line}:${p.col}`;
      const head = `${where}${p.path ? ` ${p.path}` : ''}: ${prefix}${p.message}`;
      return p.hint ? `${head}\n  hint: ${p.hint}` : head;
    })
    .join('\n');
}
