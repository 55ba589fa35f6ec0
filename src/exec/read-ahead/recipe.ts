// The read-ahead recipe (issue 16): the engine listing `tarmac test` waits on before it can start the suite, kept in
// `<stateDir>/read-ahead.json` so the next `tarmac test` starts it before the CLI has even loaded (start.ts). Only
// what an engine listing needs is kept: the command, its arguments and the environment the engine adds.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../files/private.js';

/** The recipe's file in an env's state directory. */
export const READ_AHEAD_FILE = 'read-ahead.json';

/** One engine call, exactly as the engine hands it to its runner, and the config file whose env it reads. */
export interface ReadAheadRecipe {
  /** The absolute path of the tarmac.yaml whose `tarmac test` asks this. */
  configFile: string;
  cmd: string;
  args: string[];
  /** What the engine adds over the process's environment. */
  env: Record<string, string>;
}

// Why so narrow: the file lives in the project, and start.ts runs it before anything is validated. Only a
// container listing by label of a known engine binary is ever run from it: the engine's connection flags (each with
// its value), then `ps` with listing options only. Anything else is ignored.
const ENGINES = new Set(['podman', 'docker']);
const CONNECTION_FLAGS = new Set(['--url', '--connection', '-H', '--context']);
const LISTING_WORDS = new Set(['-a', '--filter', '--format', 'json']);

/** Whether `recipe` is a read this file may hold: an engine's `ps` by label, nothing that changes anything. */
export function isEngineListing(recipe: Pick<ReadAheadRecipe, 'cmd' | 'args'>): boolean {
  if (!ENGINES.has(basename(recipe.cmd))) return false;
  let i = 0;
  while (CONNECTION_FLAGS.has(recipe.args[i] ?? '')) i += 2;
  const [verb, ...rest] = recipe.args.slice(i);
  return verb === 'ps' && rest.every((a) => LISTING_WORDS.has(a) || a.startsWith('label='));
}

/** The recipe kept in `stateDir`, or undefined when there is none or it is not a valid engine listing. */
export function readRecipe(stateDir: string): ReadAheadRecipe | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(stateDir, READ_AHEAD_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const r = raw as Partial<ReadAheadRecipe> | null;
  const strings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  if (typeof r !== 'object' || r === null) return undefined;
  if (typeof r.configFile !== 'string' || typeof r.cmd !== 'string' || !strings(r.args)) return undefined;
  if (typeof r.env !== 'object' || r.env === null || !strings(Object.values(r.env))) return undefined;
  const recipe = { configFile: r.configFile, cmd: r.cmd, args: r.args, env: r.env };
  return isEngineListing(recipe) ? recipe : undefined;
}

/** Keeps `recipe` in `stateDir` (private, replaced whole) unless the same one is there already. */
export function writeRecipe(stateDir: string, recipe: ReadAheadRecipe): void {
  if (!isEngineListing(recipe) || sameRecipe(readRecipe(stateDir), recipe)) return;
  makePrivateDir(stateDir);
  const file = join(stateDir, READ_AHEAD_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(recipe, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file);
}

/** Removes the recipe kept in `stateDir`, if any (the env's target no longer has one). */
export function forgetRecipe(stateDir: string): void {
  rmSync(join(stateDir, READ_AHEAD_FILE), { force: true });
}

/** Whether two recipes ask the same thing of the same env. */
export function sameRecipe(a: ReadAheadRecipe | undefined, b: ReadAheadRecipe): boolean {
  return a !== undefined && a.configFile === b.configFile && sameCall(a, b.cmd, b.args, b.env);
}

/** Whether `recipe` is the call `cmd args` with `env` added over the process's. */
export function sameCall(
  recipe: Pick<ReadAheadRecipe, 'cmd' | 'args' | 'env'>,
  cmd: string,
  args: readonly string[],
  env: Record<string, string | undefined> | undefined,
): boolean {
  const given = Object.entries(env ?? {}).filter(([, v]) => v !== undefined);
  const kept = Object.entries(recipe.env);
  return (
    recipe.cmd === cmd &&
    recipe.args.length === args.length &&
    recipe.args.every((a, i) => a === args[i]) &&
    given.length === kept.length &&
    given.every(([k, v]) => recipe.env[k] === v)
  );
}
