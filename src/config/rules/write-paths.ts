// Paths that tarmac or the test suite writes must stay inside the project (the config file's directory):
// tarmac writes only under its place. Paths it only reads (contexts, manifests, kind config) may point anywhere.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../finding.js';
import type { PathKey } from '../path-text.js';
import { isRawMap, text } from './raw.js';
import type { RuleContext, RuleOutput } from './raw.js';

/** Each written path: where it is in the config and what writes there. */
const WRITTEN: readonly { at: [string, string]; what: string }[] = [
  { at: ['test', 'junit'], what: 'the test suite writes this JUnit file and tarmac clears it before each run' },
  { at: ['test', 'cwd'], what: 'the test suite runs (and writes) in this directory' },
  { at: ['history', 'path'], what: 'tarmac writes its run history to this SQLite file' },
];

/** Written paths outside the project, through `..`, an absolute path or a symlinked directory; or the config itself. */
export function checkWritePaths(ctx: RuleContext): RuleOutput {
  const errors: Finding[] = [];
  const project = realOrSelf(ctx.dir);
  const configFile = path.join(project, ctx.fileName);
  for (const { at, what } of WRITTEN) {
    const section = isRawMap(ctx.data) ? ctx.data[at[0]] : undefined;
    const written = text(section, at[1]);
    if (written === undefined) continue;
    const where: PathKey[] = [...at];
    const real = realPathOf(path.resolve(ctx.dir, written));
    if (real === configFile) {
      errors.push({
        path: where,
        message: `\`${written}\` is the config file itself; ${what}`,
        hint: 'Name a file of its own, e.g. `e2e-results.xml` or `.tarmac/history.db`.',
      });
    } else if (real !== project && !real.startsWith(`${project}${path.sep}`)) {
      errors.push({
        path: where,
        message: `\`${written}\` is outside the project (resolves to \`${real}\`); ${what}`,
        hint: `tarmac writes only inside the directory of ${ctx.fileName} (${project}); use a path under it, relative to ${ctx.fileName}.`,
      });
    }
  }
  return { errors, warnings: [] };
}

/**
 * The real path of `abs`: the deepest existing ancestor is resolved (symlinks followed), the rest appended,
 * so a symlinked directory inside the project that points elsewhere counts as elsewhere.
 */
export function realPathOf(abs: string): string {
  const missing: string[] = [];
  let current = abs;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The real path of a directory, or the path itself when it cannot be resolved. */
export function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
