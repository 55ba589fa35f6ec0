// Finds a saved run under `<stateDir>/runs`: the latest one, or one named by id, id prefix or path.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { eventsFile, runDir, runsRoot } from './run-dir.js';

export interface RunLocation {
  runId: string;
  dir: string;
}

/** Run ids under `<stateDir>/runs` that have a journal, newest first (ids sort by start time). */
export function listRuns(stateDir: string): string[] {
  const root = runsRoot(stateDir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((id) => existsSync(eventsFile(runDir(stateDir, id))))
    .sort()
    .reverse();
}

/**
 * The run to report on: `run` is a run id, a unique prefix of one, or a run directory;
 * without it, the latest run. Throws RUN_NOT_FOUND naming the runs dir and its latest runs.
 */
export function resolveRun(stateDir: string, run: string | undefined, cwd: string): RunLocation {
  const root = runsRoot(stateDir);
  const runs = listRuns(stateDir);
  if (run === undefined) {
    const latest = runs[0];
    if (latest === undefined) throw notFound(root, runs, 'there are no runs yet');
    return { runId: latest, dir: runDir(stateDir, latest) };
  }
  // A path to a run directory (e.g. pasted from a summary line) works too.
  const asPath = resolve(cwd, run);
  if (run.includes('/') && existsSync(eventsFile(asPath)) && statSync(asPath).isDirectory())
    return { runId: basename(asPath), dir: asPath };
  if (runs.includes(run)) return { runId: run, dir: runDir(stateDir, run) };
  const matches = runs.filter((id) => id.startsWith(run));
  if (matches.length === 1 && matches[0] !== undefined) return { runId: matches[0], dir: runDir(stateDir, matches[0]) };
  if (matches.length > 1) throw notFound(root, matches, `\`${run}\` matches ${matches.length} runs`);
  // An older run may have been there: its directory goes beyond disk.prune.keepRuns (reconcile's retention).
  throw notFound(
    root,
    runs,
    `no run \`${run}\``,
    ' Only the newest runs keep their directory (disk.prune.keepRuns, default 50); `tarmac history` lists the older ones.',
  );
}

function notFound(root: string, runs: string[], why: string, more = ''): TarmacError {
  const latest = runs.slice(0, 5);
  return new TarmacError('RUN_NOT_FOUND', `${why} in ${root}`, {
    exitCode: ExitCode.usage,
    details: latest.length > 0 ? ['latest runs:', ...latest.map((id) => `  ${id}`)] : [],
    hint:
      (latest.length > 0
        ? `Name one of the runs above (an id prefix is enough), or leave RUN out for the latest (${latest[0] ?? ''}).`
        : 'Run `tarmac build`, `tarmac up` or `tarmac test` first; each writes a run there. Use -f to point at another tarmac.yaml.') +
      more,
  });
}
